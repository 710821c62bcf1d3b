import { Body, Injectable, Query, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { parseBody, parseQuery, type RequestPart } from './parse-request';
import { assertStrictSchema } from './strict-schema';

/** Validates a body or a query string with a strict zod schema (400 naming the fields). */
@Injectable()
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    private readonly schema: S,
    private readonly part: RequestPart = 'body',
  ) {
    assertStrictSchema(schema);
  }

  transform(value: unknown): z.output<S> {
    return this.part === 'body' ? parseBody(this.schema, value) : parseQuery(this.schema, value);
  }
}

/** `@ValidatedBody(createProgramBody) body: CreateProgramBody`; the schema is checked strict at start. */
export const ValidatedBody = (schema: z.ZodType): ParameterDecorator =>
  Body(new ZodValidationPipe(schema, 'body'));

/** `@ValidatedQuery(listProgramsQuery) query: ListProgramsQuery`. */
export const ValidatedQuery = (schema: z.ZodType): ParameterDecorator =>
  Query(new ZodValidationPipe(schema, 'query'));
