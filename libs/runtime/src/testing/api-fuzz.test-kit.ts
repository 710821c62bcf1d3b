import type { ServiceApi } from './service-api.test-kit';
import { runSchemathesis, summarize } from './schemathesis.test-kit';

/** What the fuzz run checks on every answer: the "0 × 5xx, 0 schema violations", and documented statuses and media types. */
const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
];

/**
 * The OpenAPI-driven fuzz run of a service: schemathesis generates requests from the service's own
 * document (valid and invalid ones, with a valid token of a platform admin) and checks each answer.
 * `maxExamples` per operation is sized so a run makes at least `minRequests` requests.
 */
export function describeApiFuzz(
  service: string,
  startApi: () => Promise<ServiceApi>,
  { minRequests = 1000, maxExamples = 12, seed = 20261130 } = {},
): void {
  describe(`${service} API under an OpenAPI-driven fuzz run`, () => {
    let api: ServiceApi;
    beforeAll(async () => {
      api = await startApi();
    });
    afterAll(() => api?.close());

    it(`answers at least ${minRequests} generated requests with no 5xx and nothing off its document`, async () => {
      const run = await runSchemathesis({
        documentUrl: `${api.url}/api/${service}/docs/openapi.json`,
        baseUrl: api.url,
        token: await api.token('t-fuzz', 'fuzz-admin', ['platform-admin']),
        maxExamples,
        checks: CHECKS,
        seed,
      });
      const summary = summarize(run);
      // The figures for the record (the issue asks for counts per service).
      process.stdout.write(`${JSON.stringify({ fuzz: service, ...summary, failures: summary.failures.length })}\n`);
      expect(summary.failures).toEqual([]);
      expect(Object.keys(summary.statuses).filter((status) => status.startsWith('5'))).toEqual([]);
      expect(summary.requests).toBeGreaterThanOrEqual(minRequests);
      expect({ exitCode: run.exitCode, output: run.exitCode === 0 ? '' : run.output.slice(-4000) }).toEqual({
        exitCode: 0,
        output: '',
      });
    }, 900_000);
  });
}
