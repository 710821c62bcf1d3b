import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Context,
  type Span,
} from '@opentelemetry/api';

const tracer = trace.getTracer('@tandem/eventstore');

/** One event of a relay batch: its topic and the `traceparent` stored with it at append. */
export interface TracedRecord {
  readonly topic: string;
  readonly traceparent?: string | undefined;
}

interface TraceGroup {
  readonly parent: Context;
  readonly topics: Set<string>;
  events: number;
}

/** The batch's events by trace, each trace's group parented on the first context stored in it. */
function groupByTrace(records: readonly TracedRecord[]): TraceGroup[] {
  const groups = new Map<string, TraceGroup>();
  for (const { topic, traceparent } of records) {
    if (!traceparent) continue;
    const parent = propagation.extract(ROOT_CONTEXT, { traceparent });
    const traceId = trace.getSpanContext(parent)?.traceId;
    if (!traceId) continue;
    const group = groups.get(traceId) ?? { parent, topics: new Set<string>(), events: 0 };
    group.topics.add(topic);
    group.events += 1;
    groups.set(traceId, group);
  }
  return [...groups.values()];
}

function startPublishSpan({ parent, topics, events }: TraceGroup): { span: Span; context: Context } {
  const [topic] = topics;
  const span = tracer.startSpan(
    topics.size === 1 ? `publish ${topic}` : 'publish',
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.operation.name': 'publish',
        'messaging.batch.message_count': events,
        ...(topics.size === 1 ? { 'messaging.destination.name': topic } : {}),
      },
    },
    parent,
  );
  return { span, context: trace.setSpan(parent, span) };
}

/**
 * Publishes a relay batch in the traces of the requests that appended it: a `publish` span per
 * trace, child of the context stored with its events. The batch is one Kafka transaction, and a
 * transaction sits in one trace only, so: a batch of one trace sends inside its span (kafkajs'
 * spans and the `traceparent` headers it writes stay in that trace); a batch mixing traces sends
 * outside all of them, and consumers join each event's own trace from its stored `traceparent`
 * (see `@tandem/messaging`). Splitting the batch into a transaction per trace would cost the relay
 * its throughput under load, when batches mix the most traces.
 */
export async function publishInTraces(
  records: readonly TracedRecord[],
  publish: () => Promise<void>,
): Promise<void> {
  const spans = groupByTrace(records).map(startPublishSpan);
  const [only] = spans.length === 1 ? spans : [];
  try {
    await context.with(only?.context ?? ROOT_CONTEXT, publish);
  } catch (error) {
    for (const { span } of spans)
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    for (const { span } of spans) span.end();
  }
}
