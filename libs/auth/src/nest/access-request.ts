import type { Principal } from '../principal/principal';

/**
 * Which rate-limit buckets a request spends: `signed-in` (per user and per tenant),
 * `unauthenticated` (missing or invalid token, per IP) or `public:<bucket>` (`@Public` routes, per IP).
 */
export type RateLimitClass = 'signed-in' | 'unauthenticated' | `public:${string}`;

/** The parts of an Express request the access guard reads and writes. */
export interface AccessRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly ip?: string;
  readonly path: string;
  principal?: Principal;
  rateLimitClass?: RateLimitClass;
}

export interface AccessResponse {
  setHeader(name: string, value: string): unknown;
}
