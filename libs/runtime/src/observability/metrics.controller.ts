import { Controller, Get, Header } from '@nestjs/common';
import { Public, Responds } from '@tandem/auth';
import { z } from 'zod';
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
  @Responds(z.string(), { description: 'Prometheus text exposition format', mediaType: 'text/plain' })
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
