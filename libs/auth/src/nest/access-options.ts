import type { AuthConfig } from '../config/auth-config';
import type { RateLimits } from './rate-limits';

export const ACCESS_OPTIONS = Symbol('ACCESS_OPTIONS');
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

export interface AccessOptions {
  readonly auth: AuthConfig;
  /** Requests per minute in each bucket (`@nestjs/throttler`, in memory per instance). */
  readonly rateLimits: RateLimits;
  /** Paths served to anyone without a token or rate limit: health probes and API docs. */
  readonly publicPaths: readonly string[];
}
