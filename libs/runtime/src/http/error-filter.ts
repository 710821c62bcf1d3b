import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { expectedVersionOf } from './if-match';
import { PROBLEM_CONTENT_TYPE, problemOf, type ProblemRequest } from './problem-details';

interface ProblemResponse {
  status(code: number): ProblemResponse;
  type(contentType: string): ProblemResponse;
  json(body: unknown): void;
}

interface ErrorRequest {
  readonly originalUrl?: string;
  readonly url?: string;
  readonly headers?: Readonly<Record<string, string | string[] | undefined>>;
}

/** The request as problemOf needs it: path without query string, and the version a well-formed If-Match named. */
export function problemRequestOf(request: ErrorRequest): ProblemRequest {
  const path = (request.originalUrl ?? request.url ?? '/').split('?')[0] ?? '/';
  const ifMatch = request.headers?.['if-match'];
  let expectedVersion: number | undefined;
  try {
    expectedVersion = typeof ifMatch === 'string' ? expectedVersionOf(ifMatch) : undefined;
  } catch {
    expectedVersion = undefined; // a malformed header was answered 400 already
  }
  return { path, expectedVersion };
}

/**
 * The one place where errors become HTTP answers, all as RFC 9457 problem details
 * (`application/problem+json`, see problem-details.ts). Unexpected errors are logged with their
 * stack and answered as a 500 that names no internals.
 */
@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const { problem, unexpected } = problemOf(error, problemRequestOf(http.getRequest<ErrorRequest>()));
    if (unexpected)
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    http.getResponse<ProblemResponse>().status(problem.status).type(PROBLEM_CONTENT_TYPE).json(problem);
  }
}
