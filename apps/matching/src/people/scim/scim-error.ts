import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ConcurrencyError } from '@tandem/eventstore';
import { isDomainError, type DomainError } from '@tandem/kernel';
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

const statusOfDomainError = (error: DomainError) =>
  ({ 'not-found': 404, conflict: 409, forbidden: 403, invalid: 400 })[error.kind as string] ?? 400;

/**
 * Every error of the SCIM routes in the SCIM error format (`application/scim+json`), which is
 * what Okta and Entra ID parse, instead of the problem details the rest of the API answers.
 */
@Catch()
export class ScimErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('SCIM');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<{
      status(code: number): { type(contentType: string): { json(body: unknown): void } };
    }>();
    const { status, detail, scimType } = scimErrorOf(error);
    if (status >= 500)
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    response
      .status(status)
      .type(SCIM_CONTENT_TYPE)
      .json({ schemas: [SCIM.error], status: String(status), ...(scimType ? { scimType } : {}), detail });
  }
}

function scimErrorOf(error: unknown): { status: number; detail: string; scimType?: ScimErrorType } {
  if (error instanceof ScimError)
    return {
      status: error.status,
      detail: error.message,
      ...(error.scimType ? { scimType: error.scimType } : {}),
    };
  if (isDomainError(error)) {
    const status = statusOfDomainError(error);
    return {
      status,
      detail: error.message,
      ...(error.code === 'user-name-taken' || error.code === 'person-exists'
        ? { scimType: 'uniqueness' as const }
        : {}),
    };
  }
  if (error instanceof HttpException) {
    const body = error.getResponse();
    const detail =
      typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? error.message);
    return { status: error.getStatus(), detail: Array.isArray(detail) ? detail.join('; ') : String(detail) };
  }
  if (error instanceof ConcurrencyError)
    return { status: 412, detail: 'The person changed since it was read: read it again and retry' };
  return { status: 500, detail: 'Internal error' };
}
