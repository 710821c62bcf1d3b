import type { INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { compileErrors, validate } from '@readme/openapi-parser';
import type { ServiceApi } from './service-api.test-kit';

type Schema = Record<string, unknown> | undefined;
interface Operation {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
  parameters?: { name?: string; in?: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

/** A schema says something about the value: a type other than a bare object, properties, a reference or a combination. */
function describes(schema: Schema): boolean {
  if (!schema) return false;
  if (['$ref', 'anyOf', 'oneOf', 'allOf', 'enum', 'const', 'properties'].some((key) => key in schema))
    return true;
  return schema['type'] !== undefined && schema['type'] !== 'object';
}

/** `Controller_method` → which request parts its handler reads (`@Body`, `@Query`), from Nest's route metadata. */
function requestInputs(app: INestApplication): Map<string, Set<'body' | 'query'>> {
  const inputs = new Map<string, Set<'body' | 'query'>>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function') continue;
      for (const method of Object.getOwnPropertyNames(metatype.prototype)) {
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, metatype, method) ?? {}) as object;
        const parts = new Set<'body' | 'query'>();
        for (const key of Object.keys(args)) {
          const type = Number(key.split(':')[0]);
          if (type === RouteParamtypes.BODY) parts.add('body');
          if (type === RouteParamtypes.QUERY) parts.add('query');
        }
        if (parts.size > 0) inputs.set(`${metatype.name}_${method}`, parts);
      }
    }
  }
  return inputs;
}

function operationsOf(document: OpenAPIObject): [string, Operation][] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    (['get', 'put', 'post', 'delete', 'patch'] as const)
      .filter((method) => item[method])
      .map((method): [string, Operation] => [`${method.toUpperCase()} ${path}`, item[method] as Operation]),
  );
}

/**
 * The operations of a service whose handler reads a body or a query string that its OpenAPI document does
 * not describe with a schema, or whose path parameters are not strings (`POST /path body`, `GET /path query`).
 */
export function undescribedRequestParts(app: INestApplication, document: OpenAPIObject): string[] {
  const inputs = requestInputs(app);
  const found: string[] = [];
  for (const [at, operation] of operationsOf(document)) {
    const parts = inputs.get(operation.operationId ?? '') ?? new Set();
    const bodies = Object.values(operation.requestBody?.content ?? {});
    if (parts.has('body') && (bodies.length === 0 || !bodies.every(({ schema }) => describes(schema))))
      found.push(`${at} body`);
    const parameters = operation.parameters ?? [];
    const queries = parameters.filter((parameter) => parameter.in === 'query');
    if (parts.has('query') && (queries.length === 0 || !queries.every(({ schema }) => describes(schema))))
      found.push(`${at} query`);
    if (parameters.some((parameter) => parameter.in === 'path' && parameter.schema?.['type'] !== 'string'))
      found.push(`${at} path`);
  }
  return found;
}

/** How many operations read a body or a query string. */
export function operationsWithRequestInput(app: INestApplication, document: OpenAPIObject): number {
  const inputs = requestInputs(app);
  return operationsOf(document).filter(([, operation]) => inputs.has(operation.operationId ?? '')).length;
}

/**
 * The operations whose answers the document does not describe (`GET /path 200`): a 2xx other than a
 * bodiless 202/204 without a body schema, an error status without the problem schema, or no 2xx at all.
 */
export function undescribedResponses(document: OpenAPIObject): string[] {
  const found: string[] = [];
  for (const [at, operation] of operationsOf(document)) {
    const responses = Object.entries(operation.responses ?? {});
    if (!responses.some(([status]) => status.startsWith('2'))) found.push(`${at} 2xx`);
    for (const [status, response] of responses) {
      const schemas = Object.values(response.content ?? {}).map(({ schema }) => schema);
      const described = schemas.length > 0 && schemas.every(describes);
      if (['202', '204'].includes(status) ? schemas.length > 0 && !described : !described)
        found.push(`${at} ${status}`);
    }
  }
  return found;
}

/**
 * The spec every service runs on its own OpenAPI document: valid OpenAPI 3.1, a schema for every body
 * and query string its handlers read (path parameters as strings), and for every answer.
 */
export function describeOpenApiDocument(service: string, startApi: () => Promise<ServiceApi>): void {
  describe(`${service} OpenAPI document`, () => {
    let api: ServiceApi;
    let document: OpenAPIObject;

    beforeAll(async () => {
      api = await startApi();
      const response = await fetch(`${api.url}/api/${service}/docs/openapi.json`);
      document = (await response.json()) as OpenAPIObject;
    });
    afterAll(() => api?.close());

    it('is a valid OpenAPI 3.1 document', async () => {
      expect(document.openapi).toBe('3.1.0');
      const result = await validate(structuredClone(document) as never);
      expect(result.valid ? [] : compileErrors(result)).toEqual([]);
    });

    it('describes with a schema every body and query string its handlers read, and path parameters as strings', () => {
      expect(operationsWithRequestInput(api.app, document)).toBeGreaterThan(0);
      expect(undescribedRequestParts(api.app, document)).toEqual([]);
    });

    it('describes every answer of every operation: a body schema for each success, problem details for each error', () => {
      expect(operationsOf(document).length).toBeGreaterThan(0);
      expect(undescribedResponses(document)).toEqual([]);
    });
  });
}
