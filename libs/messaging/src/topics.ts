import { createKafkaClient, type KafkaConnectionOptions } from './kafka-client';

export interface TopicSpec {
  readonly topic: string;
  readonly partitions?: number;
  readonly replicationFactor?: number;
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
      waitForLeaders: true,
      topics: missing.map((t) => ({
        topic: t.topic,
        numPartitions: t.partitions ?? 3,
        replicationFactor: t.replicationFactor ?? -1,
      })),
    });
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
