import { fromKafkaRecord, parseEvent, deadLetterTopicOf, type EventEnvelope } from '@tandem/events';
import {
  Partitioners,
  type Consumer,
  type EachBatchPayload,
  type KafkaMessage,
  type Producer,
} from 'kafkajs';
import { traceBatchProcessing, traceProcessing, type Delivery } from './consume-tracing';
import { createKafkaClient, type KafkaConnectionOptions } from './kafka-client';

export type EventHandler = (event: EventEnvelope) => Promise<void>;
export type BatchEventHandler = (events: readonly EventEnvelope[]) => Promise<void>;

export interface EventConsumerOptions {
  readonly connection: KafkaConnectionOptions;
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly handler: EventHandler;
  /**
   * Handles a whole fetched batch of one partition at once (e.g. `applyOnceMany`); must be
   * idempotent like `handler`. If it fails, the batch's events go through `handler` one by one,
   * with retries and dead-lettering as usual.
   */
  readonly batchHandler?: BatchEventHandler;
  /** Partitions handled at the same time (each still in order); default 1. */
  readonly partitionsConsumedConcurrently?: number;
  /** Attempts per message before it goes to the dead-letter topic; default 5. */
  readonly maxAttempts?: number;
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly fromBeginning?: boolean;
  readonly onError?: (error: Error, message: { topic: string; partition: number; offset: string }) => void;
  /** The batch handler failed: the batch's events go one by one through `handler` instead. */
  readonly onBatchError?: (error: Error, batch: { topic: string; partition: number; events: number }) => void;
}

export interface ConsumerStats {
  readonly processed: number;
  readonly retried: number;
  readonly deadLettered: number;
  /** Messages behind the end of each partition at the last batch, keyed `topic/partition`. */
  readonly lag: Readonly<Record<string, number>>;
}

interface Failure {
  readonly code: string;
  readonly reason: string;
}

/**
 * Runs a handler over every event of some topics, per partition in order. Bad events (undecodable,
 * schema-invalid, unknown type) and events whose handler keeps failing after retries with
 * exponential backoff go to `<topic>.dlq` with the reason; then the consumer moves on. Offsets
 * are committed only after a message was handled or parked, so a crash means redelivery, not loss.
 */
export class EventConsumer {
  private consumer: Consumer | undefined;
  private dlqProducer: Producer | undefined;
  private stopping = false;
  private counts = { processed: 0, retried: 0, deadLettered: 0 };
  private readonly lag: Record<string, number> = {};

  private starting?: Promise<void>;

  constructor(private readonly options: EventConsumerOptions) {}

  start(): Promise<void> {
    this.starting = this.connectAndRun();
    return this.starting;
  }

  private async connectAndRun(): Promise<void> {
    const kafka = createKafkaClient(this.options.connection);
    const dlqProducer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await dlqProducer.connect();
    const consumer = kafka.consumer({ groupId: this.options.groupId, allowAutoTopicCreation: false });
    await consumer.connect();
    await consumer.subscribe({
      topics: [...this.options.topics],
      fromBeginning: this.options.fromBeginning ?? true,
    });
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 1,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.handleBatch(consumer, dlqProducer, payload),
    });
    this.consumer = consumer;
    this.dlqProducer = dlqProducer;
  }

  /** Finishes the message in hand, commits, leaves the group (after a start still under way). */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.starting?.catch(() => undefined);
    await this.consumer?.disconnect();
    await this.dlqProducer?.disconnect();
  }

  stats(): ConsumerStats {
    return { ...this.counts, lag: { ...this.lag } };
  }

  private async handleBatch(
    consumer: Consumer,
    dlqProducer: Producer,
    { batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload,
  ): Promise<void> {
    const handledTogether = this.options.batchHandler
      ? await this.handleTogether(batch.topic, batch.partition, batch.messages)
      : new Set<string>();
    let nextOffset: string | undefined;
    let interrupted = false;
    for (const message of batch.messages) {
      if (!isRunning() || isStale() || this.stopping) {
        interrupted = true;
        break;
      }
      const failure = handledTogether.has(message.offset)
        ? undefined
        : await this.process(batch.topic, batch.partition, message, heartbeat);
      if (failure) {
        await this.deadLetter(dlqProducer, batch.topic, batch.partition, message, failure);
        this.options.onError?.(new Error(failure.reason), {
          topic: batch.topic,
          partition: batch.partition,
          offset: message.offset,
        });
      } else {
        this.counts.processed += 1;
      }
      resolveOffset(message.offset);
      nextOffset = String(BigInt(message.offset) + 1n);
      if (!handledTogether.has(message.offset)) await heartbeat();
    }
    // A transaction's commit marker takes an offset but is no message: past a whole batch, commit
    // its last offset (marker included), or the partition stays one short of its end until new events come.
    if (
      !interrupted &&
      batch.messages.length > 0 &&
      BigInt(batch.lastOffset()) + 1n > BigInt(nextOffset ?? 0)
    ) {
      resolveOffset(batch.lastOffset());
      nextOffset = String(BigInt(batch.lastOffset()) + 1n);
    }
    // Commit what was handled or parked; a crash before this only means redelivery.
    if (nextOffset !== undefined) {
      await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: nextOffset }]);
    }
    this.lag[`${batch.topic}/${batch.partition}`] = Number(batch.offsetLag());
  }

  /** Offsets of the messages the batch handler took care of (none if it failed: they go one by one). */
  private async handleTogether(
    topic: string,
    partition: number,
    messages: readonly KafkaMessage[],
  ): Promise<Set<string>> {
    const deliveries: Delivery[] = [];
    for (const message of messages) {
      const decoded = fromKafkaRecord(message);
      const parsed = decoded.ok ? parseEvent(decoded.raw) : undefined;
      if (!parsed?.ok) continue; // bad records are parked one by one
      deliveries.push({ topic, partition, message, event: parsed.event });
    }
    if (deliveries.length === 0 || this.stopping) return new Set();
    const handled = await traceBatchProcessing(deliveries, async () => {
      try {
        await this.options.batchHandler?.(deliveries.map(({ event }) => event));
        return true;
      } catch (error) {
        this.options.onBatchError?.(error as Error, { topic, partition, events: deliveries.length });
        return false;
      }
    });
    return new Set(handled ? deliveries.map(({ message }) => message.offset) : []);
  }

  private async process(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<Failure | undefined> {
    const decoded = fromKafkaRecord(message);
    if (!decoded.ok) return { code: 'undecodable', reason: decoded.message };
    const parsed = parseEvent(decoded.raw);
    if (!parsed.ok) return { code: parsed.error.code, reason: parsed.error.message };
    const event = parsed.event;
    return traceProcessing({ topic, partition, message, event }, () => this.handle(event, heartbeat));
  }

  /** The handler, retried with exponential backoff; the failure once attempts run out. */
  private async handle(event: EventEnvelope, heartbeat: () => Promise<void>): Promise<Failure | undefined> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    let backoffMs = this.options.initialBackoffMs ?? 100;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.options.handler(event);
        return undefined;
      } catch (error) {
        if (attempt >= maxAttempts || this.stopping) {
          return {
            code: 'handler-failed',
            reason: `${(error as Error).message} (after ${attempt} attempts)`,
          };
        }
        this.counts.retried += 1;
        await new Promise((resolve) => setTimeout(resolve, backoffMs));
        backoffMs = Math.min(backoffMs * 2, this.options.maxBackoffMs ?? 5_000);
        await heartbeat();
      }
    }
  }

  private async deadLetter(
    dlqProducer: Producer,
    topic: string,
    partition: number,
    message: KafkaMessage,
    failure: Failure,
  ): Promise<void> {
    const headers: Record<string, string | Buffer> = {};
    for (const [name, value] of Object.entries(message.headers ?? {})) {
      const first = Array.isArray(value) ? value[0] : value;
      if (first !== undefined) headers[name] = first;
    }
    await dlqProducer.send({
      topic: deadLetterTopicOf(topic),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...headers,
            dlq_error_code: failure.code,
            dlq_error: failure.reason.slice(0, 2000),
            dlq_original_topic: topic,
            dlq_original_partition: String(partition),
            dlq_original_offset: message.offset,
            dlq_consumer_group: this.options.groupId,
            dlq_failed_at: new Date().toISOString(),
          },
        },
      ],
    });
    this.counts.deadLettered += 1;
  }
}
