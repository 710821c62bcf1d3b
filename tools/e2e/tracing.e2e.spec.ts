import { randomUUID } from 'node:crypto';
import { waitFor } from '@tandem/testing';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './otlp-receiver.test-kit';
import { startPlatform, type Platform } from './platform.test-kit';

const kind = { server: 2, client: 3, producer: 4, consumer: 5 } as const;

/**
 * One HTTP request followed across two services as built processes (the instrumentations patch
 * modules as Node loads them, which Jest's own loader would hide), exported over OTLP to a receiver
 * in this test: matching's HTTP handler, its MongoDB append, the relay's Kafka send and analytics'
 * handling of the event, all in one trace.
 */
describe('tracing over OTLP', () => {
  let receiver: OtlpReceiver;
  let platform: Platform;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_BSP_SCHEDULE_DELAY: '100' };
    platform = await startPlatform({
      services: ['matching', 'analytics'],
      env: { matching: { ...otel, LOG_LEVEL: 'info' }, analytics: otel },
    });
  }, 180_000);
  afterAll(async () => {
    await platform?.stop();
    await receiver?.close();
  });

  it("exports one request's spans, from its HTTP handler to a consumer in another service, in one trace", async () => {
    const admin = platform.api('matching', `trace-${randomUUID().slice(0, 8)}`, 'admin-1', ['program-admin']);
    const { response } = await admin.POST('/api/matching/v1/programs', {
      body: {
        name: 'Traced program',
        type: 'one-to-one',
        settings: {
          defaultMentorCapacity: 1,
          criteriaWeights: { skills: 100 },
          hardRules: {
            excludeSameDepartment: false,
            excludeOwnManager: true,
            excludePreviousPairs: true,
            requireCommonLanguage: false,
          },
        },
      },
    });
    expect(response.status).toBe(201);
    const traceId = /^00-([0-9a-f]{32})-[0-9a-f]{16}-01$/.exec(
      response.headers.get('traceparent') ?? '',
    )?.[1];
    expect(traceId).toBeDefined();

    const find = (service: string, wanted: number, matches: (span: ReceivedSpan) => boolean) =>
      receiver.spans.find(
        (s) => s.traceId === traceId && s.service === service && s.kind === wanted && matches(s),
      );
    const descendsFrom = (span: ReceivedSpan, ancestor: ReceivedSpan): boolean => {
      const parent = receiver.spans.find((s) => s.spanId === span.parentSpanId);
      return parent !== undefined && (parent.spanId === ancestor.spanId || descendsFrom(parent, ancestor));
    };
    const [server, insert, send, processed] = await waitFor(
      () => {
        const found = [
          find(
            'tandem-matching',
            kind.server,
            (s) => s.attributes['http.route'] === '/api/matching/v1/programs',
          ),
          find('tandem-matching', kind.client, (s) => s.name === 'insert events'),
          find('tandem-matching', kind.producer, (s) => s.name.startsWith('send ')),
          find('tandem-analytics', kind.consumer, (s) => s.name.startsWith('process ')),
        ];
        const [root, ...rest] = found;
        // Complete once every span is in and hangs off the request's server span.
        return root && rest.every((span) => span && descendsFrom(span, root)) && (found as ReceivedSpan[]);
      },
      { timeoutMs: 60_000, intervalMs: 200, description: `the spans of trace ${traceId}` },
    );
    expect(server?.parentSpanId ?? '').toBe(''); // the trace started with this request
    expect(insert?.attributes).toMatchObject({ 'db.system.name': 'mongodb', 'db.operation.name': 'insert' });
    expect(send?.attributes['messaging.destination.name']).toBe(
      processed?.attributes['messaging.destination.name'],
    );
    // The request's log line names the same trace.
    expect(platform.output('matching')).toContain(`"traceId":"${traceId}"`);
  });
});
