import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';
import { fieldProblemsOf, type FieldProblem } from './request-fields';
import { assertStrictSchema } from './strict-schema';

export type RequestPart = 'body' | 'query';

/** The 400 every invalid body or query string gets; the runtime's error filter answers it as problem details. */
export interface InvalidRequestBody {
  readonly statusCode: 400;
  readonly error: 'Bad Request';
  readonly code: 'validation-failed';
  readonly message: `Invalid request ${RequestPart}`;
  readonly fields: readonly FieldProblem[];
}

export function invalidRequest(part: RequestPart, fields: readonly FieldProblem[]): BadRequestException {
  const body: InvalidRequestBody = {
    statusCode: 400,
    error: 'Bad Request',
    code: 'validation-failed',
    message: `Invalid request ${part}`,
    fields,
  };
  return new BadRequestException(body);
}

function parseRequestPart<S extends z.ZodType>(part: RequestPart, schema: S, value: unknown): z.output<S> {
  assertStrictSchema(schema);
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) throw invalidRequest(part, fieldProblemsOf(parsed.error.issues));
  return parsed.data;
}

/** Validates a JSON body against a strict schema; throws the 400 naming every failing field. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  return parseRequestPart('body', schema, body);
}

/** Same for query strings; use `z.coerce.number()` for numbers, the values arrive as strings. */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  return parseRequestPart('query', schema, query);
}
