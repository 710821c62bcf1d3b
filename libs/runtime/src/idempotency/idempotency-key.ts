import { createHash } from 'node:crypto';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/** Methods whose requests may carry a key; on any other the header is ignored (they are idempotent already). */
export const KEYED_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type ParsedKey =
  { readonly ok: true; readonly key: string } | { readonly ok: false; readonly problem: string };

const visibleAscii = /^[\x21-\x7e]{1,255}$/;
// The draft defines the field as a Structured Field String ("..." with \" and \\ escapes); many clients send it bare.
const structuredString = /^"((?:[^"\\]|\\["\\])*)"$/;

/** The key of an `Idempotency-Key` header (undefined: no header), or why it is refused. */
export function parseIdempotencyKey(header: string | readonly string[] | undefined): ParsedKey | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string') return { ok: false, problem: 'must be given once' };
  const trimmed = header.trim();
  const quoted = structuredString.exec(trimmed);
  const key = quoted ? (quoted[1] ?? '').replace(/\\(["\\])/g, '$1') : trimmed;
  if (!visibleAscii.test(key)) return { ok: false, problem: 'must be 1 to 255 visible ASCII characters' };
  return { ok: true, key };
}

/** Whose key it is and for which operation: the same key from another user or on another route is another key. */
export interface KeyScope {
  readonly tenantId: string;
  readonly userId: string;
  readonly method: string;
  /** The route's pattern (`/api/sessions/v1/sessions/:sessionId/cancel`), not the concrete path. */
  readonly route: string;
  readonly key: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The stored record's `_id`: a hash, so keys of any allowed length and content make a bounded, safe id. */
export const recordIdOf = (scope: KeyScope): string =>
  sha256(JSON.stringify([scope.tenantId, scope.userId, scope.method, scope.route, scope.key]));

/** What makes two requests "the same request": method, concrete path with query, and the body's content. */
export function fingerprintOf(method: string, url: string, body: unknown): string {
  return sha256(`${method} ${url}\n${canonicalJson(body)}`);
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` are the same body. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}
