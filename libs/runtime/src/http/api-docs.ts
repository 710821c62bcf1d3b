import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { documentIdempotencyKey } from '../idempotency/idempotency-openapi';
import { PROBLEM_TYPE_BASE } from './problem-details';
import { documentResponses } from './response-openapi';

/** `errors[]` item of a problem: one failing input. */
export const fieldErrorSchema = {
  type: 'object' as const,
  required: ['path', 'code', 'message'],
  properties: {
    path: {
      type: 'string' as const,
      description: 'Dotted path of the field in the body or query string, a header name, or `(root)`',
      examples: ['settings.minimumScore'],
    },
    code: {
      type: 'string' as const,
      description: 'Stable machine code of the problem',
      examples: ['too-big'],
    },
    message: { type: 'string' as const, examples: ['Too big: expected number to be <=1'] },
  },
};

/** RFC 9457 problem details: the body of every error answer (`application/problem+json`) of every service. */
export const problemDetailsSchema = {
  type: 'object' as const,
  required: ['type', 'title', 'status', 'detail', 'instance', 'code'],
  properties: {
    type: {
      type: 'string' as const,
      format: 'uri',
      description: `\`${PROBLEM_TYPE_BASE}<code>\``,
      examples: [`${PROBLEM_TYPE_BASE}validation-failed`],
    },
    title: { type: 'string' as const, description: 'Reason phrase of the status', examples: ['Bad Request'] },
    status: { type: 'integer' as const, minimum: 400, maximum: 599, examples: [400] },
    detail: { type: 'string' as const, examples: ['Invalid request body'] },
    instance: {
      type: 'string' as const,
      description: 'Path of the request',
      examples: ['/api/matching/v1/programs'],
    },
    code: {
      type: 'string' as const,
      description:
        "Stable machine code (`validation-failed`, `not-found`, `concurrency-conflict`, a rule's own code…)",
      examples: ['validation-failed'],
    },
    errors: {
      type: 'array' as const,
      description: 'Each failing input, on 400 `validation-failed`',
      items: { $ref: '#/components/schemas/FieldError' },
    },
  },
  additionalProperties: true,
};

/** Adds the ProblemDetails and FieldError schemas to a document's components, once. */
export function documentProblemDetails(document: OpenAPIObject): OpenAPIObject {
  document.components = {
    ...document.components,
    schemas: {
      ...document.components?.schemas,
      ProblemDetails: problemDetailsSchema,
      FieldError: fieldErrorSchema,
    },
  };
  return document;
}

/**
 * OpenAPI of the service at /api/<service>/docs (UI) and /api/<service>/docs/openapi.json, built from its
 * controllers' routes. Public: it describes the API, it serves no data.
 */
export function serveApiDocs(app: INestApplication, service: string): void {
  const generated = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(`Tandem ${service} API`)
      .setDescription(
        `Routes of the ${service} service. Every route needs a bearer JWT whose tenant scopes all reads and writes.`,
      )
      .setVersion('1')
      // Request schemas are JSON Schema 2020-12 (zod's `z.toJSONSchema`), the dialect of OpenAPI 3.1.
      .setOpenAPIVersion('3.1.0')
      .addBearerAuth()
      .build(),
  );
  const document = documentProblemDetails(documentIdempotencyKey(documentResponses(app, generated)));
  SwaggerModule.setup(`api/${service}/docs`, app, document, {
    jsonDocumentUrl: `api/${service}/docs/openapi.json`,
  });
}
