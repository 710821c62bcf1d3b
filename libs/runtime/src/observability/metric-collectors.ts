import type { Gauge, Registry } from 'prom-client';
import type { EventBackbone } from '../events/event-backbone';

type GaugeClass = typeof Gauge;

/** Gauges computed at scrape time from the outbox relay and the consumers. */
export class Collectors {
  constructor(private readonly backbone: EventBackbone) {}

  register(registry: Registry, GaugeType: GaugeClass): void {
    const backbone = this.backbone;
    new GaugeType({
      name: 'tandem_outbox_backlog_events',
      help: 'Events appended but not yet published to Kafka (leader relay only)',
      registers: [registry],
      async collect() {
        const stats = await backbone.outboxRelay?.stats().catch(() => undefined);
        if (stats?.leader) this.set(stats.backlog);
      },
    });
    new GaugeType({
      name: 'tandem_consumer_lag_messages',
      help: 'Messages behind the end of each partition at the last batch',
      labelNames: ['subscription', 'partition'],
      registers: [registry],
      collect() {
        this.reset();
        for (const { name, stats } of backbone.consumerStats()) {
          for (const [partition, lag] of Object.entries(stats.lag))
            this.set({ subscription: name, partition }, lag);
        }
      },
    });
    const consumerTotal = (
      metric: string,
      help: string,
      pick: (s: { processed: number; retried: number; deadLettered: number }) => number,
    ) =>
      new GaugeType({
        name: metric,
        help,
        labelNames: ['subscription'],
        registers: [registry],
        collect() {
          for (const { name, stats } of backbone.consumerStats())
            this.set({ subscription: name }, pick(stats));
        },
      });
    consumerTotal(
      'tandem_consumer_processed_events',
      'Events handled by each subscription since start',
      (s) => s.processed,
    );
    consumerTotal(
      'tandem_projection_errors',
      'Failed handler attempts by each subscription since start (each retry counts)',
      (s) => s.retried + s.deadLettered,
    );
    consumerTotal(
      'tandem_consumer_dead_lettered_events',
      'Events sent to the dead-letter topic since start',
      (s) => s.deadLettered,
    );
  }
}
