import { Kafka, logLevel } from 'kafkajs';

/** Test topics outlive nothing that lasts this long: no test run does (CI stops at 90 minutes). */
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;
/** `uniqueName`'s suffix: `_`, the creation time in base 36, 8 hex digits; then the topic's own part. */
const uniqueSuffix = /_([0-9a-z]{8})[0-9a-f]{8}(?:\.|$)/;

/**
 * Deletes the topics earlier test runs created (named by `uniqueName`) once they are hours old.
 * Event topics keep their events forever (issue 20), so without this every run's topics stayed,
 * and after a few hundred runs the local broker held thousands of partitions and slowed down.
 */
export async function deleteStaleTestTopics(brokers: readonly string[], now = Date.now()): Promise<number> {
  const admin = new Kafka({
    brokers: [...brokers],
    clientId: 'tandem-test-cleanup',
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const stale = (await admin.listTopics()).filter((topic) => {
      const created = uniqueSuffix.exec(topic)?.[1];
      return created !== undefined && now - parseInt(created, 36) > STALE_AFTER_MS;
    });
    for (let i = 0; i < stale.length; i += 200)
      await admin.deleteTopics({ topics: stale.slice(i, i + 200), timeout: 30_000 }).catch((error: Error) => {
        // A topic already being deleted (listed until it is gone) fails alone; the others are deleted.
        if ((error as { type?: string }).type !== 'UNKNOWN_TOPIC_OR_PARTITION') throw error;
      });
    return stale.length;
  } finally {
    await admin.disconnect();
  }
}
