import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { runInTraceContext, traceContextFrom } from './trace-context';

interface TracedRequest {
  header(name: string): string | undefined;
}
interface TracedResponse {
  setHeader(name: string, value: string): void;
}

const requestIdFormat = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Runs each request inside its trace context: the caller's `traceparent` continued (or a new trace),
 * an `x-request-id` kept or made; both are echoed back and land in logs and appended events.
 */
export function traceRequests(app: INestApplication): void {
  app.use((request: TracedRequest, response: TracedResponse, next: () => void) => {
    const given = request.header('x-request-id');
    const requestId = given && requestIdFormat.test(given) ? given : randomUUID();
    const context = traceContextFrom(request.header('traceparent'), requestId);
    response.setHeader('x-request-id', requestId);
    response.setHeader('traceparent', `00-${context.traceId}-${context.spanId}-01`);
    runInTraceContext(context, next);
  });
}
