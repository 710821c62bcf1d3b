import { randomUUID } from 'node:crypto';
import type { EventEnvelope, TandemEvent, TandemEventType } from '@tandem/events';
import {
  applyOnce,
  ensureTopics,
  EventConsumer,
  TransactionalPublisher,
  type ProjectedDocument,
} from '@tandem/messaging';
import { testInfra, uniqueName, waitFor, type TestDatabase } from '@tandem/testing';
import { EventStore } from './event-store';
import { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';

/** Shared set-up of the relay tests: a store, relays on private topics, and a projecting consumer. */
export interface RelayKit {
  readonly store: EventStore;
  readonly topic: string;
  /** Every delivery the consumer saw, duplicates included, in arrival order. */
  readonly deliveries: EventEnvelope[];
  relay(options?: Partial<OutboxRelayOptions>): OutboxRelay;
  startConsumer(): Promise<EventConsumer>;
  /** Per stream: the progress values the projection applied, in order. */
  projected(streamId: string): Promise<number[]>;
  waitForProjected(streams: Record<string, number>, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const progressRecorded = (value: number): TandemEvent => ({
  type: 'goals.goal.progress-recorded',
  data: {
    goalId: 'goal-1',
    relationshipId: 'rel-1',
    programId: 'prog-1',
    recordedBy: 'user-1',
    progress: value,
  },
});

interface ProgressHistory {
  values: number[];
}

export async function createRelayKit(
  database: TestDatabase,
  brokers: string[] = testInfra().kafkaBrokers,
): Promise<RelayKit> {
  const store = new EventStore(database.db, { source: '/tandem/goals' });
  await store.ensureIndexes();
  const topic = uniqueName('relay_goals');
  const service = uniqueName('relay_service');
  const readModel = database.db.collection<ProjectedDocument<ProgressHistory>>('progress_history');
  const deliveries: EventEnvelope[] = [];
  const relays: OutboxRelay[] = [];
  const consumers: EventConsumer[] = [];
  const connection = { brokers, clientId: service };
  await ensureTopics(connection, [{ topic, partitions: 3 }]);

  const projected = async (streamId: string) => (await readModel.findOne({ _id: streamId }))?.values ?? [];
  return {
    store,
    topic,
    deliveries,
    relay: (options = {}) => {
      const relay = new OutboxRelay(store, () => new TransactionalPublisher(connection, `${service}-relay`), {
        service,
        leaseTtlMs: 1_000,
        pollIntervalMs: 50,
        maxBackoffMs: 500,
        topicFor: (_type: TandemEventType) => topic,
        ...options,
      });
      relays.push(relay);
      return relay;
    },
    startConsumer: async () => {
      const consumer = new EventConsumer({
        connection,
        groupId: uniqueName('relay_group'),
        topics: [topic],
        initialBackoffMs: 20,
        handler: async (event) => {
          deliveries.push(event);
          await applyOnce<ProgressHistory>(readModel, event.metadata.streamId, event, (state, e) => ({
            values: [...(state?.values ?? []), (e.data as { progress: number }).progress],
          }));
        },
      });
      await consumer.start();
      consumers.push(consumer);
      return consumer;
    },
    projected,
    waitForProjected: async (streams, timeoutMs = 30_000) => {
      await waitFor(
        async () => {
          for (const [streamId, count] of Object.entries(streams))
            if ((await projected(streamId)).length < count) return false;
          return true;
        },
        { description: 'the projection to catch up', timeoutMs },
      );
    },
    close: async () => {
      await Promise.all(relays.map((r) => r.crash()));
      await Promise.all(consumers.map((c) => c.stop()));
    },
  };
}

export const newStreamId = () => `goal-${randomUUID()}`;
