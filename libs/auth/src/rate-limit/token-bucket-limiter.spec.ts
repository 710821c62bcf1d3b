import { TokenBucketLimiter } from './token-bucket-limiter';

describe('TokenBucketLimiter', () => {
  it('allows a burst of the per-minute limit, then refuses with the seconds until the next token', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ perMinute: 3, now: () => now });
    expect([1, 2, 3].map(() => limiter.take('acme/u-1').allowed)).toEqual([true, true, true]);
    expect(limiter.take('acme/u-1')).toEqual({ allowed: false, retryAfterSeconds: 20 });
    now = 15_000;
    expect(limiter.take('acme/u-1')).toEqual({ allowed: false, retryAfterSeconds: 5 });
    now = 20_000;
    expect(limiter.take('acme/u-1')).toEqual({ allowed: true });
  });

  it('keeps one bucket per key', () => {
    const limiter = new TokenBucketLimiter({ perMinute: 1, now: () => 0 });
    expect(limiter.take('acme/u-1').allowed).toBe(true);
    expect(limiter.take('acme/u-1').allowed).toBe(false);
    expect(limiter.take('acme/u-2').allowed).toBe(true);
    expect(limiter.take('globex/u-1').allowed).toBe(true);
  });

  it('never holds more than the limit, however long a key was idle', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ perMinute: 2, now: () => now });
    limiter.take('k');
    now = 3_600_000;
    expect([1, 2, 3].map(() => limiter.take('k').allowed)).toEqual([true, true, false]);
  });

  it('forgets refilled buckets once it holds too many keys', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter({ perMinute: 60, now: () => now, maxKeys: 2 });
    limiter.take('a');
    limiter.take('b');
    now = 60_000;
    limiter.take('c');
    expect(limiter.size).toBe(1);
  });
});
