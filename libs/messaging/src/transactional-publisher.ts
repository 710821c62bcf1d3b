import { KafkaJSError, Partitioners, type Producer } from 'kafkajs';
import type { BinaryKafkaRecord } from '@tandem/events';
import { createKafkaClient, type KafkaConnectionOptions } from './kafka-client';

export interface OutgoingRecord {
  readonly topic: string;
  readonly record: BinaryKafkaRecord;
}

/** This publisher's transactional id was taken over by a newer instance: it must stop. */
export class PublisherFencedError extends Error {
  constructor(cause: Error) {
    super(`publisher fenced by a newer instance: ${cause.message}`);
    this.name = 'PublisherFencedError';
  }
}

const fencedErrorTypes = new Set([
  'INVALID_PRODUCER_EPOCH',
  'PRODUCER_FENCED',
  'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
]);

/**
 * Publishes batches atomically (a Kafka transaction, idempotent, acks=all) under a fixed
 * transactional id. Connecting a new instance with the same id fences every older one at the
 * broker: a relay that lost its lease and wakes up later cannot publish any more.
 */
export class TransactionalPublisher {
  private producer: Producer | undefined;

  constructor(
    private readonly connection: KafkaConnectionOptions,
    private readonly transactionalId: string,
  ) {}

  async connect(): Promise<void> {
    const producer = createKafkaClient(this.connection).producer({
      transactionalId: this.transactionalId,
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    this.producer = producer;
    // kafkajs initialises the producer id lazily; do it now so older instances are fenced at once.
    const transaction = await producer.transaction();
    await transaction.abort();
  }

  /** Publishes all records or none of them. */
  async publish(records: readonly OutgoingRecord[]): Promise<void> {
    const producer = this.producer;
    if (!producer) throw new Error('TransactionalPublisher.publish before connect');
    const byTopic = new Map<string, BinaryKafkaRecord[]>();
    for (const { topic, record } of records) {
      const messages = byTopic.get(topic) ?? [];
      messages.push(record);
      byTopic.set(topic, messages);
    }
    let transaction;
    try {
      transaction = await producer.transaction();
      await transaction.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages: [...messages] })),
      });
      await transaction.commit();
    } catch (error) {
      await transaction?.abort().catch(() => undefined);
      if (isFenced(error)) throw new PublisherFencedError(error as Error);
      throw error;
    }
  }

  async disconnect(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect();
  }
}

function isFenced(error: unknown): boolean {
  if (!(error instanceof KafkaJSError)) return false;
  const type = (error as KafkaJSError & { type?: string }).type;
  if (type && fencedErrorTypes.has(type)) return true;
  const cause = (error as KafkaJSError & { cause?: unknown }).cause;
  return cause !== undefined && isFenced(cause);
}
