import type { Gauge, Registry } from 'prom-client';
import type { EventBackbone } from '../events/event-backbone';
import { PeriodicTask } from '../jobs/periodic-task';

type GaugeClass = typeof Gauge;

/** What the metrics read from the event machinery: the relay's stats and the consumers' counters. */
export type MetricSources = Pick<EventBackbone, 'outboxRelay' | 'consumerStats'>;

/**
 * The outbox backlog needs a database query: a background task refreshes it every `intervalMs`
 * and scrapes read the last value, so a flood of scrapes never reaches the database.
 */
export class OutboxBacklogSample {
  private latest: number | undefined;
  private readonly task = new PeriodicTask('OutboxBacklogSample', () => this.refresh());

  constructor(private readonly sources: MetricSources) {}

  /** Events waiting to be published, as of the last refresh; undefined unless this instance leads. */
  get backlog(): number | undefined {
    return this.latest;
  }

  start(intervalMs: number): void {
    this.task.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.task.stop();
  }

  async refresh(): Promise<void> {
    const stats = await this.sources.outboxRelay?.stats();
    this.latest = stats?.leader ? stats.backlog : undefined;
  }
}

/** Gauges read at scrape time from memory: the backlog sample and the consumers' counters. */
export class Collectors {
  constructor(
    private readonly backbone: MetricSources,
    private readonly outbox: OutboxBacklogSample,
  ) {}

  register(registry: Registry, GaugeType: GaugeClass): void {
    const { backbone, outbox } = this;
    new GaugeType({
      name: 'tandem_outbox_backlog_events',
      help: 'Events appended but not yet published to Kafka (leader relay only; sampled every METRICS_REFRESH_SECONDS)',
      registers: [registry],
      collect() {
        this.set(outbox.backlog ?? 0); // 0 on instances that do not lead: they publish nothing
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
