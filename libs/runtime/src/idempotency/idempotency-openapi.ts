import type { OpenAPIObject } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, KEYED_METHODS } from './idempotency-key';

const keyParameter = {
  name: IDEMPOTENCY_KEY_HEADER,
  in: 'header' as const,
  required: false,
  description:
    'Makes a retry safe (IETF httpapi Idempotency-Key draft): 1–255 visible ASCII characters, bare or as a quoted ' +
    'structured string, unique per operation, kept 24 h per tenant, user, method and route. The same key with ' +
    `the same request replays the first answer (2xx or 4xx, marked \`${IDEMPOTENT_REPLAYED_HEADER}: true\`) ` +
    'without doing it again; a 5xx is not kept, so a retry runs again.',
  schema: { type: 'string' as const, minLength: 1, maxLength: 255 },
};

const keyResponses: Record<string, string> = {
  '400': `Invalid request; also a malformed ${IDEMPOTENCY_KEY_HEADER} (code \`idempotency-key-invalid\`)`,
  '409': `Conflict; also \`idempotency-key-in-flight\` (a request with this ${IDEMPOTENCY_KEY_HEADER} is still running; see Retry-After) and \`idempotency-key-outcome-lost\` (its first request took effect but the service stopped before answering)`,
  '422': `\`idempotency-key-reused\`: this ${IDEMPOTENCY_KEY_HEADER} was used for a different request`,
  '410': `\`answer-erased\`: the request with this ${IDEMPOTENCY_KEY_HEADER} was done, but its stored answer held personal data erased since`,
};

/** Adds the `Idempotency-Key` header and its answers to every write operation of a generated document. */
export function documentIdempotencyKey(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of KEYED_METHODS) {
      const operation = item[method.toLowerCase() as 'post' | 'put' | 'patch' | 'delete'];
      if (!operation) continue;
      operation.parameters = [...(operation.parameters ?? []), keyParameter];
      operation.responses = { ...operation.responses };
      for (const [status, description] of Object.entries(keyResponses)) {
        operation.responses[status] ??= {
          description,
          content: {
            'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } },
          },
        };
      }
    }
  }
  return document;
}
