import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { OpenAPIObject } from '@nestjs/swagger';

type Json = Record<string, unknown>;
interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

const COMPONENTS_ID = 'https://tandem.dev/openapi/components';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Points `#/components/schemas/X` at the components registered once with ajv. */
function rebased(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rebased);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) =>
      key === '$ref' && typeof inner === 'string' && inner.startsWith('#/components/schemas/')
        ? [key, `${COMPONENTS_ID}#/$defs/${inner.slice('#/components/schemas/'.length)}`]
        : [key, rebased(inner)],
    ),
  );
}

/** A 200/201 with a body schema, or a bodiless 202/204: an operation whose answers are described. */
const describesSuccess = (responses: NonNullable<Operation['responses']>): boolean =>
  Object.entries(responses).some(
    ([status, response]) =>
      (['200', '201'].includes(status) && Object.keys(response.content ?? {}).length > 0) ||
      ['202', '204'].includes(status),
  );

interface Route {
  readonly method: string;
  readonly template: string;
  readonly pattern: RegExp;
  readonly parameters: number;
  readonly operation: Operation;
}

/**
 * Checks real answers against a service's OpenAPI document: the status must be one the operation
 * documents, and a JSON body must match that status's schema. Used by every integration test's client,
 * so a route whose answers drift from its document fails the tests that call it.
 */
export class OpenApiContract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(document: OpenAPIObject) {
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: COMPONENTS_ID, $defs: rebased(document.components?.schemas ?? {}) as Json });
    this.routes = Object.entries(document.paths)
      .flatMap(([template, item]) =>
        METHODS.filter((method) => item[method]).map((method) => ({
          method,
          template,
          pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
          parameters: (template.match(/\{/g) ?? []).length,
          operation: item[method] as Operation,
        })),
      )
      // A literal segment wins over a parameter (`/programs/import` before `/programs/{id}`).
      .sort((a, b) => a.parameters - b.parameters);
  }

  /** What is wrong with an answer, if anything: `[]` when it keeps the contract or its route is not documented here. */
  violations(
    method: string,
    url: string,
    status: number,
    contentType: string | null,
    body: unknown,
  ): string[] {
    const path = new URL(url, 'http://service').pathname;
    const route = this.routes.find((r) => r.method === method.toLowerCase() && r.pattern.test(path));
    if (!route) return [];
    const at = `${method.toUpperCase()} ${route.template} → ${status}`;
    const documented = route.operation.responses ?? {};
    if (!describesSuccess(documented)) return [];
    const response = documented[String(status)];
    if (!response)
      return [`${at}: status not documented (documented: ${Object.keys(documented).join(', ')})`];
    const mediaType = (contentType ?? '').split(';')[0]!.trim();
    const content = response.content ?? {};
    if (Object.keys(content).length === 0) return [];
    const schema = content[mediaType]?.schema;
    if (!schema)
      return [
        `${at}: content type ${mediaType || '(none)'} not documented (${Object.keys(content).join(', ')})`,
      ];
    if (!mediaType.endsWith('json')) return [];
    const key = `${at} ${mediaType}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(rebased(schema) as Json);
      this.validators.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (error) =>
        `${at}: ${error.instancePath || '(root)'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`,
    );
  }
}
