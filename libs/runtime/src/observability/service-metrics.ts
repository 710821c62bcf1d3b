import { Gauge, Histogram, Registry } from 'prom-client';
import { Collectors } from './metric-collectors';
import type { EventBackbone } from '../events/event-backbone';

/**
 * The service's Prometheus metrics, in a registry of its own (several apps can share a process in
 * tests). HTTP latency is observed per request; event-machinery figures are read when scraped.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;

  constructor(service: string, backbone: EventBackbone) {
    this.registry.setDefaultLabels({ service });
    this.httpDuration = new Histogram({
      name: 'tandem_http_request_duration_seconds',
      help: 'HTTP request latency by route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    new Collectors(backbone).register(this.registry, Gauge);
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }
}
