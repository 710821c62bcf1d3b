import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';

/** Media type of every error answer (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem types are absolute URIs under this base, one per stable `code`: `https://tandem.dev/problems/not-found`. */
export const PROBLEM_TYPE_BASE = 'https://tandem.dev/problems/';

/** One failing input: `path` is the dotted field path in the body or query (`settings.minimumScore`), a header's name, or `(root)`. */
export interface FieldError {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** An RFC 9457 problem details document with the services' extension members `code` and `errors`. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance: string;
  readonly code: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

/** A problem and whether its cause belongs in the error log (only unexpected failures do). */
export interface ProblemAnswer {
  readonly problem: ProblemDetails;
  readonly unexpected: boolean;
}

const statusOfKind: Record<string, number> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
};

/** The code of an answer whose thrower named none. */
const codeOfStatus: Record<number, string> = {
  400: 'invalid-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  412: 'precondition-failed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'rate-limited',
  500: 'internal-error',
  503: 'unavailable',
};

// Members of the bodies our HttpExceptions carry that become the problem's own members, never extensions.
const RESERVED = new Set([
  'type',
  'title',
  'status',
  'detail',
  'instance',
  'code',
  'errors',
  'statusCode',
  'error',
  'message',
  'fields',
]);

export const problemTypeOf = (code: string): string => `${PROBLEM_TYPE_BASE}${code}`;

const codeOf = (status: number) =>
  codeOfStatus[status] ?? (status >= 500 ? 'internal-error' : 'invalid-request');

/** Builds a problem from its parts; the title is the status's reason phrase. */
export function problem(
  status: number,
  code: string,
  detail: string,
  instance: string,
  extensions: Record<string, unknown> = {},
): ProblemDetails {
  return {
    ...extensions,
    type: problemTypeOf(code),
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    instance,
    code,
  };
}

interface LegacyField {
  readonly field?: unknown;
  readonly path?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
}

/** `fields: [{ field, message, code? }]` (what validation throws) or `errors: [...]` → `errors[]`. */
function fieldErrorsOf(body: Record<string, unknown>): FieldError[] | undefined {
  const list = body['errors'] ?? body['fields'];
  if (!Array.isArray(list)) return undefined;
  return (list as LegacyField[]).map((item) => ({
    path: String(item.path ?? item.field ?? '(root)'),
    code: typeof item.code === 'string' ? item.code : 'invalid',
    message: String(item.message ?? 'is invalid'),
  }));
}

function detailOf(body: Record<string, unknown>, fallback: string): string {
  const message = body['detail'] ?? body['message'];
  if (Array.isArray(message)) return message.map(String).join('; ');
  return typeof message === 'string' && message ? message : fallback;
}

function problemOfHttpException(error: HttpException, instance: string): ProblemDetails {
  const status = error.getStatus();
  const response = error.getResponse();
  const body: Record<string, unknown> =
    typeof response === 'object' && response !== null ? { ...response } : { message: String(response) };
  const errors = fieldErrorsOf(body);
  const named = body['code'];
  const code =
    typeof named === 'string' ? named : errors && status === 400 ? 'validation-failed' : codeOf(status);
  const extensions = Object.fromEntries(Object.entries(body).filter(([key]) => !RESERVED.has(key)));
  return problem(
    status,
    code,
    detailOf(body, error.message),
    instance,
    errors ? { ...extensions, errors } : extensions,
  );
}

/** A refused business rule: domain errors carry a stable `code` and a `kind` instead of an HTTP status. */
interface RuleError {
  readonly code: string;
  readonly kind: string;
  readonly message: string;
}

const isRuleError = (error: unknown): error is RuleError => {
  const candidate = error as Partial<RuleError> | null;
  return (
    typeof candidate?.code === 'string' &&
    typeof candidate.kind === 'string' &&
    candidate.kind in statusOfKind
  );
};

interface LostRace {
  readonly name: 'ConcurrencyError';
  readonly expectedVersion?: number;
}

const isLostRace = (error: unknown): error is LostRace =>
  (error as { name?: unknown } | null)?.name === 'ConcurrencyError';

/** What the request asked for, as far as error answers care: its path and the version its If-Match named. */
export interface ProblemRequest {
  readonly path: string;
  /** From `If-Match`: a command run at this version that lost is a failed precondition (412), not a race (409). */
  readonly expectedVersion?: number;
}

/**
 * Every error as a problem: HTTP exceptions keep their status, code and field list; rule errors get
 * the status of their kind; a stream that moved past the caller's If-Match is 412, any other lost
 * race 409; anything else is a 500 that names no internals.
 */
export function problemOf(error: unknown, request: ProblemRequest): ProblemAnswer {
  const { path } = request;
  if (error instanceof HttpException)
    return { problem: problemOfHttpException(error, path), unexpected: false };
  if (isRuleError(error)) {
    return {
      problem: problem(statusOfKind[error.kind] ?? 500, error.code, error.message, path),
      unexpected: false,
    };
  }
  if (isLostRace(error)) {
    // Same code either way (clients key on it); the status says whether the caller's If-Match was stale.
    const stale = request.expectedVersion !== undefined && request.expectedVersion === error.expectedVersion;
    const detail = stale
      ? 'The resource changed since the version in If-Match; reload and try again'
      : 'The resource was changed by someone else; reload and try again';
    return { problem: problem(stale ? 412 : 409, 'concurrency-conflict', detail, path), unexpected: false };
  }
  return {
    problem: problem(500, 'internal-error', 'Something went wrong on our side', path),
    unexpected: true,
  };
}
