import { createKafkaClient, type KafkaConnectionOptions } from './kafka-client';

export interface TopicSpec {
  readonly topic: string;
  readonly partitions?: number;
  readonly replicationFactor?: number;
}

type Admin = ReturnType<ReturnType<typeof createKafkaClient>['admin']>;
const retriedWhileCreating = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);

/** Until every partition of the topics has a leader (a created topic is usable only then). */
async function untilLeadersElected(admin: Admin, topics: readonly TopicSpec[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let pauseMs = 50; ; pauseMs = Math.min(pauseMs * 2, 1000)) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics: topics.map((t) => t.topic) });
      const ready = topics.every((spec) => {
        const partitions = metadata.find((m) => m.name === spec.topic)?.partitions ?? [];
        return partitions.length === (spec.partitions ?? 3) && partitions.every((p) => p.leader >= 0);
      });
      if (ready) return;
    } catch (error) {
      if (!retriedWhileCreating.has((error as { type?: string }).type ?? '')) throw error;
    }
    if (Date.now() > deadline) throw new Error(`topics without leaders after ${timeoutMs} ms: ${topics.map((t) => t.topic).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}

/** Creates the topics that do not exist yet (existing ones are left as they are). */
export async function ensureTopics(
  connection: KafkaConnectionOptions,
  topics: readonly TopicSpec[],
): Promise<void> {
  const admin = createKafkaClient(connection).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (missing.length === 0) return;
    await admin.createTopics({
      // Waited for below: kafkajs' own wait gives up when a just-created topic is still unknown
      // to the broker it asks (UNKNOWN_TOPIC_OR_PARTITION), which a fresh KRaft broker answers.
      waitForLeaders: false,
      topics: missing.map((t) => ({
        topic: t.topic,
        numPartitions: t.partitions ?? 3,
        replicationFactor: t.replicationFactor ?? -1,
      })),
    });
    await untilLeadersElected(admin, missing);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Deletes a partition's records before `offset` (Kafka's DeleteRecords), as retention would:
 * for operators trimming a topic on purpose, and for tests of what a consumer does when history is gone.
 */
export async function deleteRecordsBefore(
  connection: KafkaConnectionOptions,
  topic: string,
  partition: number,
  offset: number,
): Promise<void> {
  const admin = createKafkaClient(connection).admin();
  await admin.connect();
  try {
    await admin.fetchTopicMetadata({ topics: [topic] });
    await admin.deleteTopicRecords({ topic, partitions: [{ partition, offset: String(offset) }] });
  } finally {
    await admin.disconnect();
  }
}
