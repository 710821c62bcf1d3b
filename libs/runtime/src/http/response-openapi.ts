import type { INestApplication } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PUBLIC_ROUTE, RESPONSE_DOCUMENT, type ResponseDocument } from '@tandem/auth';
import { routeHandlers, type RouteHandler } from './route-handlers';
import { PROBLEM_CONTENT_TYPE } from './problem-details';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const WRITE_METHODS = new Set(['put', 'post', 'delete', 'patch']);

const SUCCESS: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content' };

/** Why a route answers each error status; which statuses apply follows from what the route reads. */
const ERRORS: Record<number, string> = {
  400: 'Invalid request: `errors[]` names each failing field (`validation-failed`)',
  401: 'No valid bearer token (`unauthenticated`)',
  403: "The token's roles or tenant do not allow this (`forbidden`)",
  404: 'Not found in the caller’s tenant; another tenant’s resources answer 404 too (`not-found`)',
  409: 'The resource changed concurrently, or a rule of its current state refuses the change',
  412: 'If-Match names a version the resource no longer has (`precondition-failed`, with `currentVersion`)',
  413: 'Body larger than the service accepts (`payload-too-large`)',
  415: 'Body of a media type the route does not read (`unsupported-media-type`)',
  422: 'The request is well-formed but cannot be processed as it stands',
  429: 'Rate limited; `Retry-After` says when to retry (`rate-limited`)',
  431: 'Request line and headers over 16 KiB, e.g. a very long query string (`headers-too-large`)',
  503: 'A dependency of the service is unavailable; retry later',
};

const problem = (description: string): ResponseObject => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
});

const ifMatchParameter = {
  name: 'If-Match',
  in: 'header' as const,
  required: false,
  description:
    'The ETag (resource version, e.g. `"3"`) you last read: the change is refused with 412 if it moved on',
  schema: { type: 'string' as const, examples: ['"3"'] },
};

const etagHeader = {
  description: 'Version of the resource (send it back as If-Match)',
  schema: { type: 'string' as const, examples: ['"3"'] },
};
const locationHeader = {
  description: 'Where the created resource or job is read',
  schema: { type: 'string' as const },
};

/** A body schema with a `version` is a versioned resource: its answers carry the ETag (see EtagInterceptor). */
const isVersioned = (schema: Record<string, unknown> | undefined): boolean =>
  typeof schema?.['properties'] === 'object' &&
  schema['properties'] !== null &&
  'version' in schema['properties'];

function successOf(method: string, route: RouteHandler): [number, ResponseObject] {
  const status =
    (Reflect.getMetadata(HTTP_CODE_METADATA, route.handler) as number | undefined) ??
    (method === 'post' ? 201 : 200);
  const document = Reflect.getMetadata(RESPONSE_DOCUMENT, route.handler) as ResponseDocument | undefined;
  const headers = {
    ...(isVersioned(document?.schema) ? { ETag: etagHeader } : {}),
    ...(document?.location ? { Location: locationHeader } : {}),
  };
  return [
    status,
    {
      description: document?.description ?? SUCCESS[status] ?? 'Success',
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      ...(document?.schema ? { content: { [document.mediaType]: { schema: document.schema } } } : {}),
    },
  ];
}

/** `@Public` routes and those outside the API prefix (health probes, metrics) take no token. */
const isPublicRoute = (path: string, route: RouteHandler): boolean =>
  !path.startsWith('/api/') ||
  Reflect.getMetadata(PUBLIC_ROUTE, route.handler) !== undefined ||
  Reflect.getMetadata(PUBLIC_ROUTE, route.controller) !== undefined;

function errorStatusesOf(
  method: string,
  path: string,
  operation: OperationObject,
  route: RouteHandler,
): number[] {
  const isPublic = isPublicRoute(path, route);
  const document = Reflect.getMetadata(RESPONSE_DOCUMENT, route.handler) as ResponseDocument | undefined;
  const hasPathParameters = path.includes('{');
  const readsInput = route.reads.has('body') || route.reads.has('query') || route.reads.has('if-match');
  // Any request can be too big for the HTTP parser or too frequent.
  const statuses = [429, 431];
  if (!isPublic) statuses.push(401, 403);
  if (readsInput || hasPathParameters || (operation.parameters ?? []).length > 0) statuses.push(400);
  // Ids arrive in the path, and also in bodies and query strings (`relationshipId`): each can name nothing.
  if (hasPathParameters || readsInput) statuses.push(404);
  if (WRITE_METHODS.has(method)) statuses.push(409);
  if (route.reads.has('if-match')) statuses.push(412);
  if (route.reads.has('body')) statuses.push(413, 415);
  return [...statuses, ...(document?.errors ?? [])].sort((a, b) => a - b);
}

/**
 * Gives every operation of a generated document its responses from the code: the success status of the
 * route (`@HttpCode`, else 201 for POST and 200 otherwise) with the body `@Responds` describes, and
 * the problem answers that what the route reads can cause; If-Match where a handler reads it; the
 * bearer scheme on every route that is not `@Public`.
 */
export function documentResponses(app: INestApplication, document: OpenAPIObject): OpenAPIObject {
  const routes = routeHandlers(app);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      const route = routes.get(operation?.operationId ?? '');
      if (!operation || !route) continue;
      const [status, success] = successOf(method, route);
      const responses: Record<string, ResponseObject> = { [status]: success };
      const accepted = (Reflect.getMetadata(RESPONSE_DOCUMENT, route.handler) as ResponseDocument | undefined)
        ?.accepted;
      if (accepted)
        responses['202'] = {
          description: accepted.description,
          headers: {
            'Retry-After': {
              description: 'Seconds until asking again is worth it',
              schema: { type: 'string' },
            },
          },
          content: { 'application/json': { schema: accepted.schema } },
        };
      for (const error of errorStatusesOf(method, path, operation, route))
        responses[error] = problem(ERRORS[error] ?? 'Error');
      operation.responses = responses;
      if (route.reads.has('if-match')) {
        operation.parameters = [
          ...(operation.parameters ?? []).filter(
            (parameter) => !('name' in parameter && parameter.name === 'if-match'),
          ),
          ifMatchParameter,
        ];
      }
      operation.security = isPublicRoute(path, route) ? [] : [{ bearer: [] }];
    }
  }
  return document;
}
