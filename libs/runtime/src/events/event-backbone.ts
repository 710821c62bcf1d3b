import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { deadLetterTopicOf, topicOf, topicOfType, type Context } from '@tandem/events';
import { EventStore, OutboxRelay } from '@tandem/eventstore';
import {
  EventConsumer,
  TransactionalPublisher,
  ensureTopics,
  type KafkaConnectionOptions,
} from '@tandem/messaging';
import type { ServiceConfig } from '../config/service-config';
import type { EventSubscription } from './event-subscription';

export interface EventBackboneOptions {
  readonly config: ServiceConfig;
  readonly store: EventStore;
  /** The context whose topic this service writes, if it writes one. */
  readonly publishes?: Context;
  readonly subscriptions: readonly EventSubscription[];
}

/**
 * Starts a service's event machinery after the app is up and stops it before connections close:
 * the outbox relay (when the service publishes) and one consumer per subscription.
 */
@Injectable()
export class EventBackbone implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('EventBackbone');
  private relay: OutboxRelay | undefined;
  private readonly consumers: { name: string; consumer: EventConsumer }[] = [];
  private stopping = false;

  constructor(
    private readonly options: EventBackboneOptions,
    private readonly moduleRef: ModuleRef,
  ) {}

  get outboxRelay(): OutboxRelay | undefined {
    return this.relay;
  }

  /** Each subscription's consumer statistics (processed, retried, dead-lettered, lag), for metrics. */
  consumerStats(): { name: string; stats: ReturnType<EventConsumer['stats']> }[] {
    return this.consumers.map(({ name, consumer }) => ({ name, stats: consumer.stats() }));
  }

  topicOf(context: Context): string {
    return `${this.options.config.kafkaTopicPrefix}${topicOf(context)}`;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { config, store, publishes } = this.options;
    const connection: KafkaConnectionOptions = {
      brokers: config.kafkaBrokers,
      clientId: config.kafkaClientId,
    };
    await this.prepare(connection);
    if (publishes && config.outboxRelayEnabled) {
      this.relay = new OutboxRelay(
        store,
        // Prefixed like the topics, so relays of parallel test runs do not fence each other.
        () =>
          new TransactionalPublisher(
            connection,
            `${config.kafkaTopicPrefix}tandem-${config.service}-outbox-relay`,
          ),
        {
          service: config.service,
          topicFor: (type) => `${config.kafkaTopicPrefix}${topicOfType(type)}`,
          onError: (error) => this.logger.warn(`outbox relay: ${error.message}`),
        },
      );
      this.relay.start();
    }
    for (const subscription of this.options.subscriptions) {
      const subscriber = this.moduleRef.get(subscription.subscriber, { strict: false });
      const consumer = new EventConsumer({
        connection,
        // The topic prefix is part of the group: kafkajs assigns every topic the group reads to any
        // member, so services on other prefixes (parallel test runs) must never share a group.
        groupId: `${config.kafkaTopicPrefix}tandem-${config.service}-${subscription.name}`,
        topics: subscription.contexts.map((context) => this.topicOf(context)),
        // The consumer runs each event in a `process` span of the trace that caused it.
        handler: (event) => subscriber.handle(event),
        ...(subscriber.handleBatch
          ? { batchHandler: (events) => subscriber.handleBatch?.(events) ?? Promise.resolve() }
          : {}),
        onError: (error, at) =>
          this.logger.error(
            `${subscription.name} dead-lettered ${at.topic}/${at.partition}@${at.offset}: ${error.message}`,
          ),
        onBatchError: (error, batch) =>
          this.logger.warn(
            `${subscription.name}: a batch of ${batch.events} from ${batch.topic}/${batch.partition} failed, ` +
              `handling them one by one: ${error.message}`,
          ),
      });
      this.consumers.push({ name: subscription.name, consumer });
      // Not awaited: a consumer joins its group in the background, retrying while Kafka is away.
      void this.startWithRetry(subscription.name, consumer);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([this.relay?.stop(), ...this.consumers.map(({ consumer }) => consumer.stop())]);
  }

  private async startWithRetry(name: string, consumer: EventConsumer): Promise<void> {
    for (let delayMs = 500; !this.stopping; delayMs = Math.min(delayMs * 2, 30_000)) {
      try {
        await consumer.start();
        return;
      } catch (error) {
        this.logger.warn(`${name} could not start (${(error as Error).message}); retrying in ${delayMs} ms`);
        await consumer.stop().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, delayMs).unref());
      }
    }
  }

  /** Indexes and topics, best effort: the relay and consumers retry whatever is not there yet. */
  private async prepare(connection: KafkaConnectionOptions): Promise<void> {
    const { config, store, publishes, subscriptions } = this.options;
    const contexts = new Set<Context>([
      ...(publishes ? [publishes] : []),
      ...subscriptions.flatMap((s) => s.contexts),
    ]);
    const topics = [...contexts].flatMap((context) => [
      this.topicOf(context),
      deadLetterTopicOf(this.topicOf(context)),
    ]);
    const results = await Promise.allSettled([
      store.ensureIndexes(),
      ensureTopics(
        connection,
        topics.map((topic) => ({ topic, partitions: config.kafkaTopicPartitions })),
      ),
    ]);
    for (const result of results) {
      if (result.status === 'rejected')
        this.logger.warn(`start-up preparation: ${(result.reason as Error).message}`);
    }
  }
}
