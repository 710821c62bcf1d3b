import { testInfra, uniqueName, waitFor } from '@tandem/testing';
import { Partitioners, type Admin, type Consumer, type Producer } from 'kafkajs';
import { createKafkaClient } from './kafka-client';

// Proves the pinned broker and kafkajs 2.2.4 agree on what Tandem uses: admin topic creation,
// idempotent produce with acks=all and headers, and consumption through a consumer group.
describe('kafkajs against the real broker', () => {
  const topic = uniqueName('round_trip');
  const kafka = createKafkaClient({ brokers: testInfra().kafkaBrokers, clientId: uniqueName('client') });
  let admin: Admin;
  let producer: Producer;
  const consumers: Consumer[] = [];

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
  });

  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.disconnect()));
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('creates a topic with the partitions asked for', async () => {
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0]?.partitions).toHaveLength(3);
  });

  it('delivers produced messages, keys and headers to a consumer group, in order per key', async () => {
    const sent = Array.from({ length: 30 }, (_, i) => ({ key: `stream-${i % 3}`, value: `event-${i}` }));
    await producer.send({
      topic,
      acks: -1,
      messages: sent.map((m) => ({ ...m, headers: { ce_type: 'test.round-trip.sent' } })),
    });

    const groupId = uniqueName('group');
    const consumer = kafka.consumer({ groupId });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received: { key: string; value: string; type: string }[] = [];
    await consumer.run({
      eachMessage: async ({ message }) => {
        received.push({
          key: String(message.key),
          value: String(message.value),
          type: String(message.headers?.['ce_type']),
        });
      },
    });

    await waitFor(() => received.length >= sent.length, {
      description: `${sent.length} messages`,
      timeoutMs: 30_000,
    });
    expect(received).toHaveLength(sent.length);
    expect(new Set(received.map((m) => m.type))).toEqual(new Set(['test.round-trip.sent']));
    for (const key of ['stream-0', 'stream-1', 'stream-2']) {
      const expected = sent.filter((m) => m.key === key).map((m) => m.value);
      expect(received.filter((m) => m.key === key).map((m) => m.value)).toEqual(expected);
    }

    // The group committed its progress: a restart would not see these messages again.
    const committed = await waitFor(
      async () => {
        const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
        const total = (offsets?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
        return total === sent.length ? total : undefined;
      },
      { description: 'committed offsets of the group', timeoutMs: 15_000 },
    );
    expect(committed).toBe(sent.length);
  });
});
