import { randomUUID } from 'node:crypto';
import { deadLetterTopicOf, toKafkaRecord, type EventEnvelope } from '@tandem/events';
import { testInfra, uniqueName, waitFor } from '@tandem/testing';
import { Partitioners, type IHeaders, type Producer } from 'kafkajs';
import { EventConsumer } from './event-consumer';
import { createKafkaClient } from './kafka-client';
import { ensureTopics } from './topics';

const connection = { brokers: testInfra().kafkaBrokers, clientId: uniqueName('consumer_spec') };

function feedback(streamId: string, streamVersion: number, rating: number): EventEnvelope {
  return {
    type: 'sessions.session.feedback-submitted',
    version: 1,
    data: {
      sessionId: 's-1',
      relationshipId: 'r-1',
      programId: 'p-1',
      participantId: 'u-1',
      rating,
      helpful: true,
    },
    metadata: {
      id: randomUUID(),
      source: '/tandem/sessions',
      time: new Date().toISOString(),
      tenantId: 'acme',
      streamId,
      streamVersion,
    },
  } as EventEnvelope;
}

describe('EventConsumer (real Kafka)', () => {
  let producer: Producer;
  const consumers: EventConsumer[] = [];

  beforeAll(async () => {
    producer = createKafkaClient(connection).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    await producer.disconnect();
  });

  async function readDeadLetters(
    topic: string,
    count: number,
  ): Promise<{ value: string; headers: Record<string, string> }[]> {
    const letters: { value: string; headers: Record<string, string> }[] = [];
    const reader = createKafkaClient(connection).consumer({ groupId: uniqueName('dlq_reader') });
    await reader.connect();
    await reader.subscribe({ topic: deadLetterTopicOf(topic), fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(
          Object.entries(message.headers as IHeaders).map(([k, v]) => [k, String(v)]),
        );
        letters.push({ value: String(message.value), headers });
      },
    });
    try {
      await waitFor(() => letters.length >= count, {
        description: `${count} dead letters`,
        timeoutMs: 30_000,
      });
      return letters;
    } finally {
      await reader.disconnect();
    }
  }

  it('parks poison messages in the DLQ with the reason and coordinates, and processes the ones after them', async () => {
    const topic = uniqueName('poison');
    await ensureTopics(connection, [
      { topic, partitions: 1 },
      { topic: deadLetterTopicOf(topic), partitions: 1 },
    ]);
    const good = [feedback('stream-a', 1, 5), feedback('stream-a', 2, 4)];
    const invalid = toKafkaRecord(feedback('stream-a', 3, 5));
    await producer.send({
      topic,
      messages: [
        toKafkaRecord(good[0]!),
        { ...invalid, value: JSON.stringify({ sessionId: 's-1', rating: 11 }) },
        { key: 'stream-a', value: 'not json at all', headers: invalid.headers },
        toKafkaRecord(good[1]!),
      ],
    });
    const handled: EventEnvelope[] = [];
    const consumer = new EventConsumer({
      connection,
      groupId: uniqueName('poison_group'),
      topics: [topic],
      handler: async (e) => void handled.push(e),
    });
    consumers.push(consumer);
    await consumer.start();

    await waitFor(() => handled.length === 2, { description: 'both good events', timeoutMs: 30_000 });
    expect(handled.map((e) => e.data)).toEqual(good.map((e) => e.data));
    const letters = await readDeadLetters(topic, 2);
    expect(letters.map((l) => l.headers['dlq_error_code'])).toEqual(['invalid-data', 'undecodable']);
    expect(letters[0]!.headers['dlq_error']).toMatch(/data\.rating/);
    expect(
      letters.map((l) => [
        l.headers['dlq_original_topic'],
        l.headers['dlq_original_partition'],
        l.headers['dlq_original_offset'],
      ]),
    ).toEqual([
      [topic, '0', '1'],
      [topic, '0', '2'],
    ]);
    expect(letters[1]!.value).toBe('not json at all');
    expect(consumer.stats()).toMatchObject({ processed: 2, deadLettered: 2 });
  });

  it('retries a failing handler with backoff, then dead-letters it and moves on; offsets follow processing', async () => {
    const topic = uniqueName('retry');
    await ensureTopics(connection, [
      { topic, partitions: 1 },
      { topic: deadLetterTopicOf(topic), partitions: 1 },
    ]);
    const flaky = feedback('stream-b', 1, 3);
    const hopeless = feedback('stream-b', 2, 2);
    const after = feedback('stream-b', 3, 1);
    await producer.send({ topic, messages: [flaky, hopeless, after].map(toKafkaRecord) });

    const attempts = new Map<string, number>();
    const handled: string[] = [];
    const groupId = uniqueName('retry_group');
    const consumer = new EventConsumer({
      connection,
      groupId,
      topics: [topic],
      maxAttempts: 3,
      initialBackoffMs: 10,
      handler: async (event) => {
        const n = (attempts.get(event.metadata.id) ?? 0) + 1;
        attempts.set(event.metadata.id, n);
        if (event.metadata.id === flaky.metadata.id && n < 3) throw new Error('database briefly unavailable');
        if (event.metadata.id === hopeless.metadata.id) throw new Error('bug in the projection');
        handled.push(event.metadata.id);
      },
    });
    consumers.push(consumer);
    await consumer.start();

    await waitFor(() => handled.length === 2, { description: 'flaky and after handled', timeoutMs: 30_000 });
    expect(handled).toEqual([flaky.metadata.id, after.metadata.id]);
    expect(attempts.get(flaky.metadata.id)).toBe(3);
    expect(attempts.get(hopeless.metadata.id)).toBe(3);
    const [letter] = await readDeadLetters(topic, 1);
    expect(letter!.headers).toMatchObject({
      dlq_error_code: 'handler-failed',
      dlq_original_offset: '1',
      ce_id: hopeless.metadata.id,
    });
    expect(letter!.headers['dlq_error']).toContain('bug in the projection (after 3 attempts)');

    const admin = createKafkaClient(connection).admin();
    await admin.connect();
    try {
      const committed = await waitFor(
        async () => {
          const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
          return offsets?.partitions[0]?.offset === '3' ? '3' : undefined;
        },
        { description: 'offset 3 committed' },
      );
      expect(committed).toBe('3');
    } finally {
      await admin.disconnect();
    }
  });

  it('hands whole batches to the batch handler, and one by one to the handler (with retries and DLQ) when it fails', async () => {
    const topic = uniqueName('batched');
    await ensureTopics(connection, [
      { topic, partitions: 1 },
      { topic: deadLetterTopicOf(topic), partitions: 1 },
    ]);
    const events = Array.from({ length: 6 }, (_, i) => feedback('stream-c', i + 1, (i % 5) + 1));
    await producer.send({ topic, messages: events.slice(0, 3).map(toKafkaRecord) });

    const batches: number[][] = [];
    const singles: number[] = [];
    let failBatches = false;
    const consumer = new EventConsumer({
      connection,
      groupId: uniqueName('batched_group'),
      topics: [topic],
      maxAttempts: 2,
      initialBackoffMs: 10,
      batchHandler: async (batch) => {
        if (failBatches) throw new Error('the batch path is down');
        batches.push(batch.map((e) => e.metadata.streamVersion));
      },
      handler: async (e) => {
        if (e.metadata.streamVersion === 5) throw new Error('version 5 cannot be handled');
        singles.push(e.metadata.streamVersion);
      },
    });
    consumers.push(consumer);
    await consumer.start();
    await waitFor(() => batches.flat().length === 3, {
      description: 'the first three events as batches',
      timeoutMs: 30_000,
    });
    expect(batches.flat()).toEqual([1, 2, 3]);
    expect(singles).toEqual([]);

    failBatches = true;
    await producer.send({ topic, messages: events.slice(3).map(toKafkaRecord) });
    await waitFor(() => consumer.stats().processed + consumer.stats().deadLettered === 6, {
      description: 'all six events handled or parked',
      timeoutMs: 30_000,
    });
    expect(singles).toEqual([4, 6]);
    const letters = await readDeadLetters(topic, 1);
    expect(letters[0]!.headers['dlq_error']).toMatch(/version 5 cannot be handled \(after 2 attempts\)/);
  });
});
