export type RateDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface TokenBucketOptions {
  /** Sustained requests per minute per key; also the burst a fresh key may spend at once. */
  readonly perMinute: number;
  /** Milliseconds since some fixed point; injected so tests control time. */
  readonly now: () => number;
  /** Above this many keys, buckets that have refilled completely are forgotten. */
  readonly maxKeys?: number;
}

/**
 * In-memory token buckets, one per key (tenant+user, or client IP). Per instance: with N replicas
 * a caller gets up to N times the limit, which is enough to stop a runaway client.
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly maxKeys: number;

  constructor(private readonly options: TokenBucketOptions) {
    if (!(options.perMinute > 0)) throw new Error('perMinute must be positive');
    this.perMs = options.perMinute / 60_000;
    this.maxKeys = options.maxKeys ?? 100_000;
  }

  take(key: string): RateDecision {
    const now = this.options.now();
    const bucket = this.refilled(this.buckets.get(key), now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.remember(key, bucket, now);
      return { allowed: true };
    }
    this.remember(key, bucket, now);
    return {
      allowed: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)),
    };
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.options.perMinute, updatedAt: now };
    const elapsed = Math.max(0, now - bucket.updatedAt);
    return { tokens: Math.min(this.options.perMinute, bucket.tokens + elapsed * this.perMs), updatedAt: now };
  }

  private remember(key: string, bucket: Bucket, now: number): void {
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.forgetFullBuckets(now);
  }

  private forgetFullBuckets(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (this.refilled(bucket, now).tokens >= this.options.perMinute) this.buckets.delete(key);
    }
  }
}
