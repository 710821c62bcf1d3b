import { Body, Injectable, Query, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { parseBody, parseQuery, type RequestPart } from './parse-request';
import { documentBody, documentQuery } from './request-openapi';
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

const both =
  (...decorators: ParameterDecorator[]): ParameterDecorator =>
  (target, key, index) => {
    for (const decorate of decorators) decorate(target, key, index);
  };

/**
 * `@ValidatedBody(createProgramBody) body: CreateProgramBody`; the schema is checked strict at start and
 * documents the request body in OpenAPI (`application/json` unless `mediaType` says otherwise, e.g. `text/csv`
 * with `z.string()`).
 */
export const ValidatedBody = (schema: z.ZodType, mediaType = 'application/json'): ParameterDecorator =>
  both(Body(new ZodValidationPipe(schema, 'body')), documentBody(schema, mediaType));

/** `@ValidatedQuery(listProgramsQuery) query: ListProgramsQuery`; each key is documented as a query parameter. */
export const ValidatedQuery = (schema: z.ZodType): ParameterDecorator =>
  both(Query(new ZodValidationPipe(schema, 'query')), documentQuery(schema));
