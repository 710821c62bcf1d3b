import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Context,
  type Link,
  type Span,
  type TextMapGetter,
} from '@opentelemetry/api';
import type { EventEnvelope } from '@tandem/events';
import type { KafkaMessage } from 'kafkajs';

const tracer = trace.getTracer('@tandem/messaging');

/** One event as it was delivered: where from, its Kafka headers, and the event itself. */
export interface Delivery {
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
  readonly event: EventEnvelope;
}

const kafkaHeaders: TextMapGetter<KafkaMessage['headers']> = {
  keys: (headers) => Object.keys(headers ?? {}),
  get: (headers, name) => {
    const value = headers?.[name];
    return (Array.isArray(value) ? value[0] : value)?.toString();
  },
};

/**
 * Where an event's handling joins its trace. The event's own `traceparent` (written at append, never
 * changed on the way) names the trace that caused it; the Kafka `traceparent` header names the send
 * that delivered it. The send is the parent when it is in the event's trace (a relay batch of one
 * trace); otherwise (a batch mixing traces) the event's trace is, with a link to the send.
 */
function parentOf({ message, event }: Delivery): { parent: Context; links: Link[] } {
  const sent = propagation.extract(ROOT_CONTEXT, message.headers, kafkaHeaders);
  const send = trace.getSpanContext(sent);
  const origin = event.metadata.traceparent
    ? propagation.extract(ROOT_CONTEXT, { traceparent: event.metadata.traceparent })
    : undefined;
  const cause = origin && trace.getSpanContext(origin);
  if (!cause || send?.traceId === cause.traceId) return { parent: send ? sent : ROOT_CONTEXT, links: [] };
  return { parent: origin, links: send ? [{ context: send }] : [] };
}

function startProcessSpan(delivery: Delivery): { span: Span; context: Context } {
  const { topic, partition, message, event } = delivery;
  const { parent, links } = parentOf(delivery);
  const span = tracer.startSpan(
    `process ${topic}`,
    {
      kind: SpanKind.CONSUMER,
      links,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': topic,
        'messaging.destination.partition.id': String(partition),
        'messaging.kafka.offset': Number(message.offset),
        'cloudevents.event_id': event.metadata.id,
        'cloudevents.event_type': event.type,
      },
    },
    parent,
  );
  return { span, context: trace.setSpan(parent, span) };
}

/** Runs the handling of one event in its `process` span; a returned failure marks the span failed. */
export async function traceProcessing<T extends { readonly reason: string } | undefined>(
  delivery: Delivery,
  work: () => Promise<T>,
): Promise<T> {
  const { span, context: traced } = startProcessSpan(delivery);
  try {
    const failure = await context.with(traced, work);
    if (failure) span.setStatus({ code: SpanStatusCode.ERROR, message: failure.reason });
    return failure;
  } finally {
    span.end();
  }
}

/**
 * The same for events handled together: a `process` span each, in its own trace. The work runs in
 * the first span when all share one trace (a batch cannot sit in several); whether it succeeded
 * shows on every span.
 */
export async function traceBatchProcessing(
  deliveries: readonly Delivery[],
  work: () => Promise<boolean>,
): Promise<boolean> {
  const spans = deliveries.map(startProcessSpan);
  const traceIds = new Set(spans.map(({ span }) => span.spanContext().traceId));
  const [first] = spans;
  try {
    const handled = await (first && traceIds.size === 1 ? context.with(first.context, work) : work());
    if (!handled)
      for (const { span } of spans)
        span.setStatus({ code: SpanStatusCode.ERROR, message: 'batch failed; handled one by one' });
    return handled;
  } finally {
    for (const { span } of spans) span.end();
  }
}
