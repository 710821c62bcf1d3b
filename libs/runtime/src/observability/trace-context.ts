import { context, isSpanContextValid, propagation, trace } from '@opentelemetry/api';

/** The trace and span ids of the work in hand (a request, a consumed event), for log lines. */
export function currentTraceIds(): { traceId: string; spanId: string } | undefined {
  const span = trace.getSpanContext(context.active());
  return span && isSpanContextValid(span) ? { traceId: span.traceId, spanId: span.spanId } : undefined;
}

/** The W3C `traceparent` to write on events appended now, so consumers continue the same trace. */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier['traceparent'];
}
