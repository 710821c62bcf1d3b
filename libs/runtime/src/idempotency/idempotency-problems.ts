import {
  BadRequestException,
  ConflictException,
  GoneException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency-key';

// Stable code, message and extension members; the error filter answers them as problem details (problem-details.ts).

export const invalidIdempotencyKey = (problem: string) =>
  new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    code: 'idempotency-key-invalid',
    message: 'Invalid request',
    fields: [{ field: IDEMPOTENCY_KEY_HEADER, code: 'invalid-format', message: problem }],
  });

export const idempotencyKeyReused = (key: string) =>
  new UnprocessableEntityException({
    statusCode: 422,
    error: 'Unprocessable Entity',
    code: 'idempotency-key-reused',
    message: `${IDEMPOTENCY_KEY_HEADER} "${key}" was used for a different request (another body or path); use a new key`,
    idempotencyKey: key,
  });

export const answerErased = (key: string) =>
  new GoneException({
    statusCode: 410,
    error: 'Gone',
    code: 'answer-erased',
    message: `The request with ${IDEMPOTENCY_KEY_HEADER} "${key}" was done, but its answer held personal data that was erased since`,
    idempotencyKey: key,
  });

export const idempotencyKeyInFlight = (key: string) =>
  new ConflictException({
    statusCode: 409,
    error: 'Conflict',
    code: 'idempotency-key-in-flight',
    message: `A request with ${IDEMPOTENCY_KEY_HEADER} "${key}" is still being processed; retry later`,
    idempotencyKey: key,
  });

/**
 * The first attempt appended its events, then its process died before the response was stored: the
 * effect exists, its answer is gone. Running it again would do it twice, so the retry gets this
 * (stored, like any 4xx), naming the streams written so the client can find what was created.
 */
export const idempotencyOutcomeLost = (key: string, streams: readonly string[]) => ({
  statusCode: 409,
  error: 'Conflict',
  code: 'idempotency-key-outcome-lost',
  message: `The request with ${IDEMPOTENCY_KEY_HEADER} "${key}" took effect, but its response was lost when the service stopped; it is not run again`,
  idempotencyKey: key,
  streams,
});
