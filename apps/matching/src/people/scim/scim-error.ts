import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { problemOf } from '@tandem/runtime';
import { versionInEtag } from './scim-etag';
import { SCIM, SCIM_CONTENT_TYPE } from './scim-urns';

/** RFC 7644 §3.12 error types, for the 400s and 409s where the RFC names one. */
export type ScimErrorType =
  | 'invalidFilter'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'mutability'
  | 'uniqueness'
  | 'tooMany';

/** A refusal as SCIM clients read it: a status and, where the RFC names one, its type. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly scimType?: ScimErrorType,
  ) {
    super(detail);
  }
}

/**
 * Every error of the SCIM routes in the SCIM error format (`application/scim+json`), which is
 * what Okta and Entra ID parse, instead of the problem details the rest of the API answers.
 */
@Catch()
export class ScimErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('SCIM');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<{
      originalUrl?: string;
      headers: Record<string, string | string[] | undefined>;
    }>();
    const response = http.getResponse<{
      status(code: number): { type(contentType: string): { json(body: unknown): void } };
    }>();
    const { status, detail, scimType } = this.scimErrorOf(error, request);
    response
      .status(status)
      .type(SCIM_CONTENT_TYPE)
      .json({ schemas: [SCIM.error], status: String(status), ...(scimType ? { scimType } : {}), detail });
  }

  /** A ScimError as it says; anything else as the rest of the API would answer it (problemOf), in SCIM's words. */
  private scimErrorOf(
    error: unknown,
    request: { originalUrl?: string; headers: Record<string, string | string[] | undefined> },
  ): { status: number; detail: string; scimType?: ScimErrorType } {
    if (error instanceof ScimError)
      return {
        status: error.status,
        detail: error.message,
        ...(error.scimType ? { scimType: error.scimType } : {}),
      };
    const ifMatch = request.headers['if-match'];
    const expectedVersion = versionInEtag(typeof ifMatch === 'string' ? ifMatch : undefined);
    const { problem, unexpected } = problemOf(error, {
      path: (request.originalUrl ?? '').split('?')[0] ?? '',
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
    });
    if (unexpected)
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return {
      status: problem.status,
      detail: problem.detail,
      ...(UNIQUENESS_CODES.has(problem.code) ? { scimType: 'uniqueness' as const } : {}),
    };
  }
}

/** Refusals that SCIM clients read as "someone else has this userName or id" (409 uniqueness). */
const UNIQUENESS_CODES = new Set(['user-name-taken', 'person-exists']);
