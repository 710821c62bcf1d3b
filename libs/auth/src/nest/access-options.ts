import type { AuthConfig } from '../config/auth-config';

export const ACCESS_OPTIONS = Symbol('ACCESS_OPTIONS');
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
export const RATE_LIMITER = Symbol('RATE_LIMITER');

export interface AccessOptions {
  readonly auth: AuthConfig;
  /** Requests per minute per principal (tenant and user), or per client IP without one. */
  readonly rateLimitPerMinute: number;
  /** Paths served to anyone without a token or rate limit: health probes, metrics, API docs. */
  readonly publicPaths: readonly string[];
  /** Clock for the rate limiter, in milliseconds. */
  readonly now?: () => number;
}
