import { SetMetadata } from '@nestjs/common';
import type { z } from 'zod';
import { jsonSchemaOf } from './request-openapi';

export const RESPONSE_DOCUMENT = 'tandem:response-document';

/** What a route answers on success, as the OpenAPI document shows it (the status comes from the route). */
export interface ResponseDocument {
  readonly description?: string;
  /** JSON Schema of the body; none for an answer without one (202, 204). */
  readonly schema?: Record<string, unknown>;
  readonly mediaType: string;
  /** The answer carries a `Location` header naming the created resource or job. */
  readonly location: boolean;
  /** Error statuses the route can answer beyond those that follow from what it reads (e.g. 503, 422). */
  readonly errors: readonly number[];
  /** A 202 the route answers besides its success while the resource is still being made (a job's progress). */
  readonly accepted?: { readonly description: string; readonly schema: Record<string, unknown> };
}

export interface RespondsOptions {
  readonly description?: string;
  readonly mediaType?: string;
  readonly location?: boolean;
  readonly errors?: readonly number[];
  /** Also answers 202 with this body while the resource is still being made. */
  readonly accepted?: { readonly description: string; readonly schema: z.ZodType };
}

/**
 * `@Responds(goalResponseSchema)`: documents the success body from the zod schema that describes it (its
 * output side), so the document and the contract tests that check real answers against it share one source.
 */
export const Responds = (schema: z.ZodType, options: RespondsOptions = {}): MethodDecorator =>
  SetMetadata<string, ResponseDocument>(RESPONSE_DOCUMENT, {
    description: options.description,
    schema: jsonSchemaOf(schema, 'output'),
    mediaType: options.mediaType ?? 'application/json',
    location: options.location ?? false,
    errors: options.errors ?? [],
    ...(options.accepted
      ? {
          accepted: {
            description: options.accepted.description,
            schema: jsonSchemaOf(options.accepted.schema, 'output'),
          },
        }
      : {}),
  });

/** A route that answers without a body (`@HttpCode(204)`, or 202 with only a `Location`). */
export const RespondsWithoutBody = (options: Omit<RespondsOptions, 'mediaType'> = {}): MethodDecorator =>
  SetMetadata<string, ResponseDocument>(RESPONSE_DOCUMENT, {
    description: options.description,
    mediaType: 'application/json',
    location: options.location ?? false,
    errors: options.errors ?? [],
  });
