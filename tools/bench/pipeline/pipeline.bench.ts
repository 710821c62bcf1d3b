import { randomUUID } from 'node:crypto';
import { rawToKafkaRecord, type EventEnvelope, type TandemEvent } from '@tandem/events';
import { EventStore, OutboxRelay, rawEventOf, type CommitDocument } from '@tandem/eventstore';
import {
  applyOnce,
  applyOnceMany,
  EventConsumer,
  TransactionalPublisher,
  createKafkaClient,
  ensureTopics,
  type ProjectedDocument,
} from '@tandem/messaging';
import { Partitioners, type Message } from 'kafkajs';
import { MongoClient, type Db } from 'mongodb';

// Events per second through each stage of the pipeline, beside the raw client doing the same
// work in the same run: append vs insertMany, relay vs kafkajs produce, consume-and-project vs
// kafkajs consume. Ratios near 1 mean the stage adds little over the client it wraps.

const eventCount = Number(process.env['BENCH_EVENTS'] ?? 5000);
const streamCount = 100;
const appendConcurrency = Number(process.env['BENCH_APPEND_CONCURRENCY'] ?? 64);
const warmUpCount = 1000;
const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',');
const runId = randomUUID().slice(0, 8);
const connection = { brokers, clientId: `bench-${runId}` };

const progress = (i: number): TandemEvent => ({
  type: 'goals.goal.progress-recorded',
  data: {
    goalId: `goal-${i % streamCount}`,
    relationshipId: 'rel-1',
    programId: 'prog-1',
    recordedBy: 'user-1',
    progress: i % 100,
  },
});

async function timed(work: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const perSecond = (seconds: number) => Math.round(eventCount / seconds);

/** Polls a condition; the interval keeps polling from competing with the stage it measures. */
async function until(condition: () => Promise<boolean>, intervalMs = 20, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('benchmark stage did not finish in time');
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

async function rawInsertMany(db: Db, count = eventCount, collectionName = 'raw_events'): Promise<number> {
  const docs = Array.from({ length: count }, (_, i) => ({
    _id: randomUUID(),
    streamId: `goal-${i % streamCount}`,
    event: progress(i),
  }));
  return timed(async () => {
    const collection = db.collection<(typeof docs)[number]>(collectionName);
    for (let i = 0; i < docs.length; i += 500) await collection.insertMany(docs.slice(i, i + 500));
  });
}

async function append(store: EventStore, count = eventCount, tenantId = 'bench'): Promise<number> {
  const versions = new Map<number, number>();
  let next = 0;
  const streamsPerWorker = Math.ceil(streamCount / appendConcurrency);
  return timed(async () => {
    await Promise.all(
      Array.from({ length: appendConcurrency }, async (_, worker) => {
        // Each worker owns its own streams, so appends never conflict.
        for (let own = 0; next < count; own += 1) {
          const i = next;
          next += 1;
          const stream = worker * streamsPerWorker + (own % streamsPerWorker);
          const version = versions.get(stream) ?? 0;
          await store.append(tenantId, `goal-${stream}`, version, [progress(i)]);
          versions.set(stream, version + 1);
        }
      }),
    );
  });
}

async function rawProduce(topic: string, messages: readonly Message[]): Promise<number> {
  const producer = createKafkaClient(connection).producer({
    idempotent: true,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    return await timed(async () => {
      for (let i = 0; i < messages.length; i += 500)
        await producer.send({ topic, acks: -1, messages: messages.slice(i, i + 500) });
    });
  } finally {
    await producer.disconnect();
  }
}

/** The records the relay sends for the appended events: CloudEvents binary mode, key and headers. */
async function relayRecords(store: EventStore): Promise<Message[]> {
  const commits = await store.collections.commits.find({ tenantId: 'bench' }).toArray();
  return commits.flatMap((commit) =>
    commit.events.map((stored) => rawToKafkaRecord(rawEventOf(commit, stored)) as Message),
  );
}

/** What the first version of this bench sent: the event data as JSON, keyed by stream, no headers. */
const smallJsonMessages = (): Message[] =>
  Array.from({ length: eventCount }, (_, i) => ({
    key: `goal-${i % streamCount}`,
    value: JSON.stringify(progress(i).data),
  }));

async function rawConsume(topic: string): Promise<number> {
  const consumer = createKafkaClient(connection).consumer({ groupId: `bench-raw-${runId}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  let startedAt = 0n;
  await consumer.run({
    eachMessage: async () => {
      if (seen === 0) startedAt = process.hrtime.bigint();
      seen += 1;
    },
  });
  await until(async () => seen >= eventCount);
  const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  await consumer.disconnect();
  return seconds;
}

/**
 * A running, warmed-up relay (connected, holding its lease, its change stream open) on a database
 * of its own; the measured commits then arrive in its outbox as a burst (batches of 500, the insert
 * time counting against the relay) and the stage ends when every one is published and marked.
 */
async function relay(
  db: Db,
  warmUp: readonly CommitDocument[],
  burst: readonly CommitDocument[],
  topic: string,
) {
  const store = new EventStore(db, { source: '/tandem/bench' });
  await store.ensureIndexes();
  const relay = new OutboxRelay(store, () => new TransactionalPublisher(connection, `bench-relay-${runId}`), {
    service: `bench-${runId}`,
    topicFor: () => topic,
    onError: (error) => process.stderr.write(`relay: ${error.message}\n`),
  });
  const { commits } = store.collections;
  // A one-key probe of the partial outbox index: cheap enough to poll often.
  const backlogEmpty = async () => (await commits.countDocuments({ published: false }, { limit: 1 })) === 0;
  const arrive = async (docs: readonly CommitDocument[]) => {
    for (let i = 0; i < docs.length; i += 500)
      await commits.insertMany(docs.slice(i, i + 500).map((commit) => ({ ...commit, published: false })));
    await until(backlogEmpty, 10);
  };
  relay.start();
  try {
    await until(async () => (await relay.stats()).leader);
    await arrive(warmUp);
    return await timed(() => arrive(burst));
  } finally {
    await relay.stop();
  }
}

async function consumeAndProject(db: Db, topic: string): Promise<number> {
  const readModel = db.collection<ProjectedDocument<{ last: number; count: number }>>('goal_progress');
  let projected = 0;
  let startedAt = 0n;
  const evolve = (state: { last: number; count: number } | undefined, e: EventEnvelope) => ({
    last: (e.data as { progress: number }).progress,
    count: (state?.count ?? 0) + 1,
  });
  const started = () => {
    if (projected === 0) startedAt = process.hrtime.bigint();
  };
  const consumer = new EventConsumer({
    connection,
    groupId: `bench-project-${runId}`,
    topics: [topic],
    partitionsConsumedConcurrently: 3,
    batchHandler: async (events) => {
      started();
      await applyOnceMany(
        readModel,
        events.map((event) => ({ documentId: event.metadata.streamId, event })),
        evolve,
      );
      projected += events.length;
    },
    handler: async (event) => {
      started();
      await applyOnce(readModel, event.metadata.streamId, event, evolve);
      projected += 1;
    },
  });
  await consumer.start();
  await until(async () => projected >= eventCount);
  const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  await consumer.stop();
  return seconds;
}

export async function main(): Promise<void> {
  const mongoUri = process.env['MONGODB_URI'] ?? '';
  const database = `bench_pipeline_${runId}`;
  const client = await new MongoClient(mongoUri.replace(/\/(\?|$)/, `/${database}$1`)).connect();
  const db = client.db(database);
  const [rawTopic, relayTopic] = [`bench.raw.${runId}`, `bench.relay.${runId}`];
  await ensureTopics(connection, [
    { topic: rawTopic, partitions: 3 },
    { topic: relayTopic, partitions: 3 },
  ]);
  const relayDb = client.db(`${database}_relay`);
  const store = new EventStore(db, { source: '/tandem/bench' });
  await store.ensureIndexes();
  const commitsOf = (tenantId: string) => store.collections.commits.find({ tenantId }).toArray();
  try {
    // Warm-up, not measured: the first thousand of each runs through code the JIT has not compiled.
    process.stderr.write('pipeline: warming up…\n');
    await rawInsertMany(db, warmUpCount, 'raw_warm_up');
    await append(store, warmUpCount, 'warm-up');
    const stages: [string, () => Promise<number>][] = [
      ['insertMany', () => rawInsertMany(db)],
      ['append', () => append(store)],
      ['kafkaProduce', async () => rawProduce(rawTopic, await relayRecords(store))],
      ['kafkaProduceSmallJson', () => rawProduce(rawTopic, smallJsonMessages())],
      ['relay', async () => relay(relayDb, await commitsOf('warm-up'), await commitsOf('bench'), relayTopic)],
      ['kafkaConsume', () => rawConsume(rawTopic)],
      ['consumeAndProject', () => consumeAndProject(db, relayTopic)],
    ];
    const seconds: Record<string, number> = {};
    for (const [stage, run] of stages) {
      process.stderr.write(`pipeline: ${stage}…`);
      const took = await run();
      seconds[stage] = took;
      process.stderr.write(` ${took.toFixed(2)} s\n`);
    }
    const rate = Object.fromEntries(Object.entries(seconds).map(([stage, s]) => [stage, perSecond(s)]));
    const ratio = (stage: string, baseline: string) =>
      Number(((rate[stage] ?? 0) / (rate[baseline] ?? 1)).toFixed(3));
    const report = {
      benchmark: 'pipeline',
      events: eventCount,
      streams: streamCount,
      eventsPerSecond: rate,
      ratios: {
        appendVsInsertMany: ratio('append', 'insertMany'),
        relayVsKafkaProduce: ratio('relay', 'kafkaProduce'),
        relayVsKafkaProduceSmallJson: ratio('relay', 'kafkaProduceSmallJson'),
        consumeAndProjectVsKafkaConsume: ratio('consumeAndProject', 'kafkaConsume'),
        // The target's baseline: the slower of the two raw steps consume-and-project combines.
        consumeAndProjectVsSlowerRaw: ratio(
          'consumeAndProject',
          (rate['kafkaConsume'] ?? 0) < (rate['insertMany'] ?? 0) ? 'kafkaConsume' : 'insertMany',
        ),
      },
      notes: {
        append: `one event per append, ${appendConcurrency} concurrent writers on disjoint streams (group commit shares round trips)`,
        insertMany: 'raw driver, batches of 500, no concurrency control',
        kafkaProduce:
          'raw kafkajs idempotent producer, batches of 500, acks=all, sending the records the relay sends (CloudEvents binary mode: key, headers, data)',
        kafkaProduceSmallJson:
          "the same producer sending only each event's data as JSON with its stream key (the baseline of earlier runs)",
        relay:
          'a running, warmed-up relay; the events arrive in its outbox as a burst (insertMany, batches of 500, counted against it) and go out by transactional publish + marking, in batches from its change stream',
        warmUp: `${warmUpCount} events through insertMany, append and the relay first, not measured`,
        consumeAndProject:
          'EventConsumer, 3 partitions at once, each fetched batch projected with applyOnceMany (one read, evolve, one guarded bulk write)',
      },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await db.dropDatabase();
    await relayDb.dropDatabase();
    await client.close();
  }
}
