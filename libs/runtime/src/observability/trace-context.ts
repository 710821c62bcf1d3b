import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

/** W3C trace context of the work in hand (an HTTP request, an event being handled). */
export interface TraceContext {
  readonly traceId: string;
  readonly spanId: string;
  readonly requestId?: string;
}

const storage = new AsyncLocalStorage<TraceContext>();
const traceparentFormat = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

const newId = (bytes: number) => randomBytes(bytes).toString('hex');

/** A child of `traceparent` when it is valid (same trace, new span), else a new trace. */
export function traceContextFrom(traceparent: string | undefined, requestId?: string): TraceContext {
  const parent = traceparent ? traceparentFormat.exec(traceparent.trim()) : null;
  const parentTraceId = parent?.[1];
  const traceId = parentTraceId && parentTraceId !== '0'.repeat(32) ? parentTraceId : newId(16);
  return { traceId, spanId: newId(8), ...(requestId ? { requestId } : {}) };
}

export function runInTraceContext<T>(context: TraceContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentTraceContext(): TraceContext | undefined {
  return storage.getStore();
}

/** The `traceparent` to write on events appended now, so consumers continue the same trace. */
export function currentTraceparent(): string | undefined {
  const context = storage.getStore();
  return context && `00-${context.traceId}-${context.spanId}-01`;
}
