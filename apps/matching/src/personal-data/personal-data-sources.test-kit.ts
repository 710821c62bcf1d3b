import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stands in for goals, sessions and analytics when only matching runs (its fuzz run): each answers
 * `GET /api/<service>/v1/people/<userId>/personal-data` with an empty part. The real parts are
 * checked end to end (tools/e2e/personal-data-export.e2e.spec.ts).
 */
export async function startPersonalDataSources(): Promise<{ setting: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const match = /^\/api\/(goals|sessions|analytics)\/v1\/people\/([^/]+)\/personal-data$/.exec(
      request.url ?? '',
    );
    response.setHeader('content-type', 'application/json');
    if (!match) {
      response.statusCode = 404;
      response.end('{}');
      return;
    }
    response.end(JSON.stringify({ service: match[1], userId: decodeURIComponent(match[2] ?? '') }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    setting: ['goals', 'sessions', 'analytics'].map((name) => `${name}=${base}`).join(','),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
