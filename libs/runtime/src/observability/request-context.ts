import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { context, createContextKey, propagation, trace, type TextMapSetter } from '@opentelemetry/api';
import type { INestApplication } from '@nestjs/common';

interface TracedRequest {
  readonly headers: IncomingHttpHeaders;
  header(name: string): string | undefined;
}
interface TracedResponse {
  setHeader(name: string, value: string): void;
}

const requestIdFormat = /^[A-Za-z0-9._-]{1,100}$/;
const requestIdKey = createContextKey('tandem.request-id');
const responseHeaders: TextMapSetter<TracedResponse> = {
  set: (response, name, value) => response.setHeader(name, value),
};

/** The `x-request-id` of the request in hand. */
export function currentRequestId(): string | undefined {
  return context.active().getValue(requestIdKey) as string | undefined;
}

/**
 * Runs each request inside its trace and keeps or makes its `x-request-id`; both are echoed back
 * (`traceparent`, `x-request-id`) and land in logs and appended events.
 */
export function traceRequests(app: INestApplication): void {
  app.use((request: TracedRequest, response: TracedResponse, next: () => void) => {
    const given = request.header('x-request-id');
    const requestId = given && requestIdFormat.test(given) ? given : randomUUID();
    response.setHeader('x-request-id', requestId);
    const active = context.active();
    // Exporting, the HTTP instrumentation already runs the request in its server span (continuing the
    // caller's traceparent); otherwise the caller's trace, if any, is carried on as it came.
    const traced = trace.getSpan(active) ? active : propagation.extract(active, request.headers);
    propagation.inject(traced, response, responseHeaders);
    context.with(traced.setValue(requestIdKey, requestId), next);
  });
}
