// Calls the services' public APIs with development-issuer tokens, failing loudly on surprises. The demo is
// plain JavaScript run by Node without a build, so it uses openapi-fetch directly (what @tandem/api-client
// wraps) and gets its types from libs/api-client's generated paths through JSDoc: an editor, or
// `tsc --allowJs --checkJs`, checks every path, parameter and body against the services' documents.
import createClient from 'openapi-fetch';
import { signDevToken } from '../scripts/dev-issuer.mjs';

/**
 * @typedef {object} Clients One client per service, each sending one user's token.
 * @property {import('openapi-fetch').Client<import('../../libs/api-client/src/generated/matching').paths>} matching
 * @property {import('openapi-fetch').Client<import('../../libs/api-client/src/generated/goals').paths>} goals
 * @property {import('openapi-fetch').Client<import('../../libs/api-client/src/generated/sessions').paths>} sessions
 * @property {import('openapi-fetch').Client<import('../../libs/api-client/src/generated/analytics').paths>} analytics
 */

/** @typedef {ReturnType<typeof demoApi>} DemoApi */

const services = ['matching', 'goals', 'sessions', 'analytics'];

export function demoApi({ ports, tenant }) {
  const tokens = new Map();
  const tokenFor = async (sub, roles) => {
    const key = `${sub}|${roles}`;
    if (!tokens.has(key)) tokens.set(key, await signDevToken({ tenant, sub, roles, ttlSeconds: 4 * 3600 }));
    return tokens.get(key);
  };
  const clients = new Map();
  /**
   * The four services' clients acting as user `sub` with `roles`.
   * @returns {Clients}
   */
  const as = (sub, roles = ['participant']) => {
    const key = `${sub}|${roles}`;
    if (!clients.has(key)) {
      const bearer = {
        onRequest: async ({ request }) =>
          void request.headers.set('authorization', `Bearer ${await tokenFor(sub, roles)}`),
      };
      const forService = (service) => {
        const client = createClient({ baseUrl: `http://127.0.0.1:${ports[service]}` });
        client.use(bearer);
        return [service, client];
      };
      clients.set(key, Object.fromEntries(services.map(forService)));
    }
    return clients.get(key);
  };
  return { as, tokenFor };
}

/**
 * The body of a client call's answer when its status is one of `expected`; otherwise throws, naming the route,
 * the status and the problem.
 * @template T
 * @param {Promise<{ data?: T, error?: unknown, response: Response }>} call
 * @param {number[]} [expected]
 * @returns {Promise<T>}
 */
export async function expectStatus(call, expected = [200, 201]) {
  const { data, error, response } = await call;
  if (!expected.includes(response.status)) {
    const url = new URL(response.url);
    throw new Error(
      `${url.pathname}${url.search} answered ${response.status}: ${JSON.stringify(error ?? data ?? '').slice(0, 300)}`,
    );
  }
  return /** @type {T} */ (data);
}

/** Runs `work` on items with at most `concurrency` at a time, printing progress every so often. */
export async function forEachWithProgress(label, items, concurrency, work) {
  let done = 0;
  let next = 0;
  const started = Date.now();
  const step = Math.max(1, Math.round(items.length / 10));
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
      done += 1;
      if (done % step === 0 || done === items.length)
        process.stdout.write(`\r[demo] ${label}: ${done}/${items.length}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  process.stdout.write(` (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
