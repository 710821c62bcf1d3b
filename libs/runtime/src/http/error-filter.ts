import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

const statusOfKind: Record<string, number> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
};
const errorOfStatus: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
};

/** A refused business rule: domain errors carry a stable `code` and a `kind` instead of an HTTP status. */
interface RuleError {
  readonly code: string;
  readonly kind: string;
  readonly message: string;
}

function isRuleError(error: unknown): error is RuleError {
  const candidate = error as Partial<RuleError> | null;
  return (
    typeof candidate?.code === 'string' &&
    typeof candidate.kind === 'string' &&
    candidate.kind in statusOfKind
  );
}

/**
 * The one place where errors become HTTP answers: rule violations by their kind, lost
 * optimistic-concurrency races as 409, HTTP exceptions as they are, anything else as a 500 that
 * names no internals (the log has the detail).
 */
@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<JsonResponse>();
    if (error instanceof HttpException) {
      const body = error.getResponse();
      response
        .status(error.getStatus())
        .json(typeof body === 'string' ? { statusCode: error.getStatus(), message: body } : body);
      return;
    }
    if (isRuleError(error)) {
      const statusCode = statusOfKind[error.kind] ?? 500;
      response
        .status(statusCode)
        .json({ statusCode, error: errorOfStatus[statusCode], code: error.code, message: error.message });
      return;
    }
    if ((error as { name?: string } | null)?.name === 'ConcurrencyError') {
      response
        .status(409)
        .json({
          statusCode: 409,
          error: 'Conflict',
          code: 'concurrency-conflict',
          message: 'The resource was changed by someone else; reload and try again',
        });
      return;
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    response
      .status(500)
      .json({ statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side' });
  }
}
