// Calls the services' public APIs with development-issuer tokens, failing loudly on surprises.
import { signDevToken } from '../scripts/dev-issuer.mjs';

export function demoApi({ ports, tenant }) {
  const tokens = new Map();
  const tokenFor = async (sub, roles) => {
    const key = `${sub}|${roles}`;
    if (!tokens.has(key)) tokens.set(key, await signDevToken({ tenant, sub, roles, ttlSeconds: 4 * 3600 }));
    return tokens.get(key);
  };
  const call = async (service, method, path, { as, roles = ['participant'], body, contentType = 'application/json', expect = [200, 201] } = {}) => {
    const response = await fetch(`http://127.0.0.1:${ports[service]}/api/${service}/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${await tokenFor(as, roles)}`, ...(body === undefined ? {} : { 'content-type': contentType }) },
      body: body === undefined ? undefined : contentType === 'application/json' ? JSON.stringify(body) : body,
    });
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : undefined;
    if (!expect.includes(response.status)) throw new Error(`${method} /api/${service}/v1${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return { status: response.status, body: parsed };
  };
  return { call, tokenFor };
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
      if (done % step === 0 || done === items.length) process.stdout.write(`\r[demo] ${label}: ${done}/${items.length}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  process.stdout.write(` (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
