import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Gauge, Histogram, Registry } from 'prom-client';
import { Collectors, OutboxBacklogSample, type MetricSources } from './metric-collectors';

/**
 * The service's Prometheus metrics, in a registry of its own (several apps can share a process in
 * tests). HTTP latency is observed per request; event-machinery figures are read from memory when
 * scraped, the one that needs the database (outbox backlog) from a sample refreshed every
 * `refreshMs` in the background: a scrape never queries the database.
 */
export class ServiceMetrics implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly registry = new Registry();
  readonly outboxBacklog: OutboxBacklogSample;
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;

  constructor(
    service: string,
    sources: MetricSources,
    private readonly refreshMs: number,
  ) {
    this.registry.setDefaultLabels({ service });
    this.httpDuration = new Histogram({
      name: 'tandem_http_request_duration_seconds',
      help: 'HTTP request latency by route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.outboxBacklog = new OutboxBacklogSample(sources);
    new Collectors(sources, this.outboxBacklog).register(this.registry, Gauge);
  }

  onApplicationBootstrap(): void {
    this.outboxBacklog.start(this.refreshMs);
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.outboxBacklog.stop();
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }
}
