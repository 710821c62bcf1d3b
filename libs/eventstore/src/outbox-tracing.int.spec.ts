import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { context, propagation, SpanKind, trace, type SpanContext } from '@opentelemetry/api';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { TransactionalPublisher } from '@tandem/messaging';
import { connectTestDatabase, testInfra, uniqueName, waitFor, type TestDatabase } from '@tandem/testing';
import { OutboxRelay } from './outbox-relay';
import { createRelayKit, newStreamId, progressRecorded, type RelayKit } from './outbox-relay.test-kit';

// The SDK without instrumentations (Jest's module loader is invisible to them): the spans here are
// the relay's and the consumer's own, which is what this file is about.
const exported = new InMemorySpanExporter();
const sdk = new NodeSDK({
  spanProcessors: [new SimpleSpanProcessor(exported)],
  textMapPropagator: new W3CTraceContextPropagator(),
  autoDetectResources: false,
  logRecordProcessors: [],
  metricReaders: [],
});
sdk.start();
const tracer = trace.getTracer('outbox-tracing.int.spec');

/**
 * A relay batch is one Kafka transaction but may hold events of many requests: each request's
 * trace must still get its publish span and its consumers' process spans.
 */
describe('outbox relay and consumer in the traces of the requests that appended', () => {
  let database: TestDatabase;
  let kit: RelayKit;
  /** The span active when the relay handed each batch to Kafka. */
  const activeAtPublish: (SpanContext | undefined)[] = [];

  beforeEach(async () => {
    database = await connectTestDatabase('relay_tracing');
    kit = await createRelayKit(database);
    exported.reset();
    activeAtPublish.length = 0;
  });
  afterEach(async () => {
    await kit.close();
    await database.close();
  });
  afterAll(() => sdk.shutdown());

  /** Appends one event inside a request span, storing its traceparent as the service does. */
  const appendInRequest = (name: string, streamId: string) =>
    tracer.startActiveSpan(name, async (span) => {
      const carrier: Record<string, string> = {};
      propagation.inject(context.active(), carrier);
      await kit.store.append('acme', streamId, 0, [progressRecorded(1)], {
        traceparent: carrier['traceparent'],
      });
      span.end();
      return span.spanContext();
    });

  /** One relay round over everything appended so far, through a publisher that notes the active span. */
  async function relayOnce(): Promise<void> {
    const connection = { brokers: testInfra().kafkaBrokers, clientId: uniqueName('relay_tracing') };
    const publisher = new TransactionalPublisher(connection, uniqueName('relay_tracing_tx'));
    const relay = new OutboxRelay(
      kit.store,
      () => ({
        connect: () => publisher.connect(),
        disconnect: () => publisher.disconnect(),
        publish: (records) => {
          activeAtPublish.push(trace.getActiveSpan()?.spanContext());
          return publisher.publish(records);
        },
      }),
      { service: uniqueName('relay_tracing'), topicFor: () => kit.topic },
    );
    try {
      expect((await relay.runOnce()).published).toBeGreaterThan(0);
    } finally {
      await relay.stop();
    }
  }

  const spansOf = (request: SpanContext, kind: SpanKind, name: string): ReadableSpan[] =>
    exported
      .getFinishedSpans()
      .filter((s) => s.spanContext().traceId === request.traceId && s.kind === kind && s.name === name);

  it('gives each trace of a mixed batch its publish span and its process span, and sends outside them all', async () => {
    const streams = [newStreamId(), newStreamId(), newStreamId()];
    const first = await appendInRequest('request 1', streams[0]!);
    const second = await appendInRequest('request 2', streams[1]!);
    await kit.store.append('acme', streams[2]!, 0, [progressRecorded(1)]); // no trace at all
    await relayOnce();
    await kit.startConsumer();
    await kit.waitForProjected({ [streams[0]!]: 1, [streams[1]!]: 1, [streams[2]!]: 1 });

    for (const request of [first, second]) {
      const [publish] = spansOf(request, SpanKind.PRODUCER, `publish ${kit.topic}`);
      expect(publish?.parentSpanContext?.spanId).toBe(request.spanId);
      expect(publish?.attributes['messaging.batch.message_count']).toBe(1);
      const process = await waitFor(() => spansOf(request, SpanKind.CONSUMER, `process ${kit.topic}`)[0], {
        description: 'the process span in the request trace',
      });
      expect(process.parentSpanContext?.spanId).toBe(request.spanId);
    }
    // One transaction cannot sit in two traces: it was sent in neither.
    expect(activeAtPublish).toEqual([undefined]);
  });

  it('sends a batch of one trace inside its publish span', async () => {
    const request = await appendInRequest('request', newStreamId());
    await relayOnce();
    const [publish] = spansOf(request, SpanKind.PRODUCER, `publish ${kit.topic}`);
    expect(activeAtPublish).toEqual([publish?.spanContext()]);
  });
});
