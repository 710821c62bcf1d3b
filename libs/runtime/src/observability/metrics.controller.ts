import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '@tandem/auth';
import { ServiceMetrics } from './service-metrics';

/**
 * Prometheus scrape endpoint, outside the API prefix and without a token, rate limited per client
 * IP in its own bucket (`RATE_LIMIT_METRICS_PER_MINUTE`). Served from memory: no database query.
 */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ServiceMetrics) {}

  @Get()
  @Public('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
