import { Logger, type INestApplication } from '@nestjs/common';
import { ServiceMetrics } from './service-metrics';

interface TimedRequest {
  method: string;
  baseUrl?: string;
  route?: { path?: string };
}
interface TimedResponse {
  statusCode: number;
  on(event: 'finish', listener: () => void): void;
}

/** Observes and logs every request's latency under its route pattern (ids stay out of the labels). */
export function timeRequests(app: INestApplication): void {
  const metrics = app.get(ServiceMetrics);
  const logger = new Logger('HTTP');
  app.use((request: TimedRequest, response: TimedResponse, next: () => void) => {
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const route = request.route?.path ? `${request.baseUrl ?? ''}${request.route.path}` : 'unmatched';
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.observeRequest(request.method, route, response.statusCode, seconds);
      logger.log({
        message: 'request',
        method: request.method,
        route,
        status: response.statusCode,
        ms: Math.round(seconds * 1000),
      });
    });
    next();
  });
}
