import fc from 'fast-check';
import type { ApiClient } from './service-api.test-kit';

export interface FuzzWriteRoutes {
  readonly client: ApiClient;
  readonly routes: readonly string[];
  readonly bodies: fc.Arbitrary<unknown>;
  readonly numRuns: number;
  /** Documents that a write would add or change (event store and read models). */
  readonly countWrites: () => Promise<number>;
}

/**
 * Throws random JSON bodies at write routes. A body that happens to be valid may be accepted;
 * every other answer must be a 4xx (a 400 naming a field or a code), never a 5xx, and must have
 * written nothing. Returns how often each status came back.
 */
export async function fuzzWriteRoutes({
  client,
  routes,
  bodies,
  numRuns,
  countWrites,
}: FuzzWriteRoutes): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let writes = await countWrites();
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...routes), bodies, async (route, body) => {
      const response = await client.send('POST', route, JSON.stringify(body) ?? 'null', 'application/json');
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const now = await countWrites();
      const accepted = response.status >= 200 && response.status < 300;
      if (!accepted) {
        expect([400, 403, 404, 409, 413]).toContain(response.status);
        if (response.status === 400)
          expect(response.body.errors?.[0]?.path ?? response.body.code).toEqual(expect.any(String));
        expect(now).toBe(writes);
      }
      writes = now;
    }),
    { numRuns },
  );
  return statuses;
}
