import { Injectable, type ExecutionContext } from '@nestjs/common';
import {
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerOptions,
} from '@nestjs/throttler';
import type { AccessRequest, RateLimitClass } from './access-request';

/** Requests per minute in each bucket; 429 with `Retry-After` above. */
export interface RateLimits {
  /** Per tenant and user, on routes that need a token. */
  readonly perUser: number;
  /** Per tenant (all its users together), on routes that need a token. */
  readonly perTenant: number;
  /** Per client IP, requests to routes that need a token whose token is missing or invalid. */
  readonly unauthenticatedPerIp: number;
  /** Per client IP, for each bucket of `@Public(bucket)` routes, e.g. `{ public: 600, metrics: 60 }`. */
  readonly publicPerIp: Readonly<Record<string, number>>;
}

const MINUTE_MS = 60_000;

const requestOf = (context: ExecutionContext): AccessRequest =>
  context.switchToHttp().getRequest<AccessRequest>();

/** A throttler that counts only requests of one class; the access guard sets the class. */
function bucket(
  name: string,
  appliesTo: RateLimitClass,
  limit: number,
  tracker?: (request: AccessRequest) => string,
): ThrottlerOptions {
  return {
    name,
    limit,
    ttl: MINUTE_MS,
    // No penalty block: a sliding window of one minute; refused requests do not count.
    blockDuration: 0,
    skipIf: (context) => requestOf(context).rateLimitClass !== appliesTo,
    ...(tracker ? { getTracker: (_request, context) => tracker(requestOf(context)) } : {}),
  };
}

/**
 * `@nestjs/throttler` options: one named throttler per bucket, keyed by bucket and caller (not by
 * route, the library's default), so one class of traffic never spends another's budget.
 * Buckets without a tracker count per client IP (`req.ip`, IPv6 per /64).
 */
export function throttlerOptionsOf(limits: RateLimits): ThrottlerModuleOptions {
  return {
    errorMessage: 'rate limit exceeded',
    // Retry-After is set by the guard below; the library's per-bucket X-RateLimit-* headers are not.
    setHeaders: false,
    generateKey: (_context, tracker, name) => `${name}:${tracker}`,
    throttlers: [
      bucket('user', 'signed-in', limits.perUser, (r) => `${r.principal?.tenantId}/${r.principal?.userId}`),
      bucket('tenant', 'signed-in', limits.perTenant, (r) => String(r.principal?.tenantId)),
      bucket('unauthenticated', 'unauthenticated', limits.unauthenticatedPerIp),
      ...Object.entries(limits.publicPerIp).map(([name, limit]) =>
        bucket(`public:${name}`, `public:${name}`, limit),
      ),
    ],
  };
}

/**
 * The library's guard, run by the access guard once it knows the request's class. Adds the
 * standard `Retry-After` (the library names it `Retry-After-<bucket>` for named throttlers).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const { res } = this.getRequestResponse(context);
    this.setResponseHeader(res, 'Retry-After', Math.max(1, detail.timeToBlockExpire));
    await super.throwThrottlingException(context, detail);
  }
}
