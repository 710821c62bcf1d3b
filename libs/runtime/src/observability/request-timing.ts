import type { INestApplication } from '@nestjs/common';
import { ServiceMetrics } from './service-metrics';

interface RoutedRequest {
  method?: string;
  baseUrl?: string;
  route?: { path?: string };
}
interface TimedResponse {
  statusCode: number;
  on(event: 'finish', listener: () => void): void;
}

/** The route pattern that served a request (`/api/goals/v1/goals/:goalId`), so ids and secrets stay out. */
export const routeOf = (request: RoutedRequest): string =>
  request.route?.path ? `${request.baseUrl ?? ''}${request.route.path}` : 'unmatched';

/** Observes every request's latency under its route pattern (ids stay out of the labels); nestjs-pino logs it. */
export function timeRequests(app: INestApplication): void {
  const metrics = app.get(ServiceMetrics);
  app.use((request: RoutedRequest & { method: string }, response: TimedResponse, next: () => void) => {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.observeRequest(request.method, routeOf(request), response.statusCode, seconds);
    });
    next();
  });
}
