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
// As many concurrent writers as the raw baseline's batch, so group commit can form batches as large
// as insertMany's; the figure with fewer writers is printed beside it.
const appendConcurrency = Number(process.env['BENCH_APPEND_CONCURRENCY'] ?? 500);
const fewWriters = 64;
/** The short stages run this many times, interleaved, and report their median. */
const repeats = 3;
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
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

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

async function append(
  store: EventStore,
  count = eventCount,
  tenantId = 'bench',
  writers = appendConcurrency,
): Promise<number> {
  const versions = new Map<number, number>();
  let next = 0;
  const streamsPerWorker = Math.ceil(streamCount / writers);
  return timed(async () => {
    await Promise.all(
      Array.from({ length: writers }, async (_, worker) => {
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

function benchRelay(db: Db, topic: string): { store: EventStore; relay: OutboxRelay } {
  const store = new EventStore(db, { source: '/tandem/bench' });
  const relay = new OutboxRelay(store, () => new TransactionalPublisher(connection, `bench-relay-${runId}`), {
    service: `bench-${runId}`,
    topicFor: () => topic,
    onError: (error) => process.stderr.write(`relay: ${error.message}\n`),
  });
  return { store, relay };
}

const unpublished = (db: Db) => db.collection<CommitDocument>('events');
/** A one-key probe of the partial outbox index: cheap enough to poll often. */
const backlogEmpty = async (db: Db) =>
  (await unpublished(db).countDocuments({ published: false }, { limit: 1 })) === 0;

async function fillOutbox(db: Db, commits: readonly CommitDocument[]): Promise<void> {
  for (let i = 0; i < commits.length; i += 500)
    await unpublished(db).insertMany(commits.slice(i, i + 500).map((commit) => ({ ...commit, published: false })));
}

/**
 * The relay's own work: a warmed-up relay (connected, holding its lease, its change stream open,
 * the warm-up commits published) finds a backlog in its outbox, as after a Kafka outage, and drains
 * it round by round as its loop does: batches from its feed, each published in one Kafka
 * transaction and marked. The backlog is written before the clock starts.
 */
async function relayDrain(db: Db, warmUp: readonly CommitDocument[], backlog: readonly CommitDocument[], topic: string) {
  const { store, relay } = benchRelay(db, topic);
  await store.ensureIndexes();
  try {
    await fillOutbox(db, warmUp);
    while (!(await backlogEmpty(db))) await relay.runOnce(true);
    await fillOutbox(db, backlog);
    return await timed(async () => {
      while (!(await backlogEmpty(db))) await relay.runOnce(true);
    });
  } finally {
    await relay.stop();
  }
}

/**
 * A running, warmed-up relay while the commits arrive in its outbox as a burst (batches of 500, the
 * insert time counting against the relay): the figure a live service sees, where the relay shares
 * the machine with the writes it follows.
 */
async function relayLive(db: Db, warmUp: readonly CommitDocument[], burst: readonly CommitDocument[], topic: string) {
  const { store, relay } = benchRelay(db, topic);
  await store.ensureIndexes();
  const arrive = async (docs: readonly CommitDocument[]) => {
    await fillOutbox(db, docs);
    await until(() => backlogEmpty(db), 10);
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
  const [rawTopic, relayTopic, liveTopic] = [`bench.raw.${runId}`, `bench.relay.${runId}`, `bench.live.${runId}`];
  await ensureTopics(
    connection,
    [rawTopic, relayTopic, liveTopic].map((topic) => ({ topic, partitions: 3 })),
  );
  const relayDb = client.db(`${database}_relay`);
  const liveDb = client.db(`${database}_live`);
  const store = new EventStore(db, { source: '/tandem/bench' });
  await store.ensureIndexes();
  const commitsOf = (tenantId: string) => store.collections.commits.find({ tenantId }).toArray();
  try {
    // Warm-up, not measured: the first thousand of each runs through code the JIT has not compiled.
    process.stderr.write('pipeline: warming up…\n');
    await rawInsertMany(db, warmUpCount, 'raw_warm_up');
    await append(store, warmUpCount, 'warm-up');
    const seconds: Record<string, number> = {};
    const run = async (stage: string, work: () => Promise<number>) => {
      process.stderr.write(`pipeline: ${stage}…`);
      const took = await work();
      process.stderr.write(` ${took.toFixed(2)} s\n`);
      return took;
    };
    // Interleaved rounds, so a slow moment of the machine hits each of them alike.
    const rounds: Record<string, number[]> = { insertMany: [], append: [], appendFewWriters: [] };
    for (let round = 0; round < repeats; round += 1) {
      rounds['insertMany']?.push(await run('insertMany', () => rawInsertMany(db)));
      rounds['append']?.push(await run('append', () => append(store, eventCount, round === 0 ? 'bench' : `bench-${round}`)));
      rounds['appendFewWriters']?.push(
        await run('appendFewWriters', () => append(store, eventCount, `bench-few-${round}`, fewWriters)),
      );
    }
    for (const [stage, times] of Object.entries(rounds)) seconds[stage] = median(times);
    const stages: [string, () => Promise<number>][] = [
      ['kafkaProduce', async () => rawProduce(rawTopic, await relayRecords(store))],
      ['kafkaProduceSmallJson', () => rawProduce(rawTopic, smallJsonMessages())],
      ['relay', async () => relayDrain(relayDb, await commitsOf('warm-up'), await commitsOf('bench'), relayTopic)],
      ['relayLive', async () => relayLive(liveDb, await commitsOf('warm-up'), await commitsOf('bench'), liveTopic)],
      ['kafkaConsume', () => rawConsume(rawTopic)],
      ['consumeAndProject', () => consumeAndProject(db, relayTopic)],
    ];
    for (const [stage, work] of stages) seconds[stage] = await run(stage, work);
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
        appendFewWritersVsInsertMany: ratio('appendFewWriters', 'insertMany'),
        relayVsKafkaProduce: ratio('relay', 'kafkaProduce'),
        relayLiveVsKafkaProduce: ratio('relayLive', 'kafkaProduce'),
        relayVsKafkaProduceSmallJson: ratio('relay', 'kafkaProduceSmallJson'),
        consumeAndProjectVsKafkaConsume: ratio('consumeAndProject', 'kafkaConsume'),
        // The target's baseline: the slower of the two raw steps consume-and-project combines.
        consumeAndProjectVsSlowerRaw: ratio(
          'consumeAndProject',
          (rate['kafkaConsume'] ?? 0) < (rate['insertMany'] ?? 0) ? 'kafkaConsume' : 'insertMany',
        ),
      },
      notes: {
        append: `one event per append, ${appendConcurrency} concurrent writers on disjoint streams (group commit shares round trips); median of ${repeats}`,
        appendFewWriters: `the same with ${fewWriters} writers (batches of at most ${fewWriters}); median of ${repeats}`,
        insertMany: `raw driver, batches of 500, no concurrency control, into a collection without the outbox index; median of ${repeats}`,
        kafkaProduce:
          'raw kafkajs idempotent producer, batches of 500, acks=all, sending the records the relay sends (CloudEvents binary mode: key, headers, data)',
        kafkaProduceSmallJson:
          "the same producer sending only each event's data as JSON with its stream key (the baseline of earlier runs)",
        relay:
          'a warmed-up relay drains a backlog already in its outbox (as after a Kafka outage), round by round as its loop does: batches from its change stream, one Kafka transaction each, then marking',
        relayLive:
          'a running, warmed-up relay while the events arrive in its outbox as a burst (insertMany, batches of 500, counted against it)',
        warmUp: `${warmUpCount} events through insertMany, append and the relay first, not measured`,
        consumeAndProject:
          'EventConsumer, 3 partitions at once, each fetched batch projected with applyOnceMany (one read, evolve, one guarded bulk write)',
      },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await db.dropDatabase();
    await relayDb.dropDatabase();
    await liveDb.dropDatabase();
    await client.close();
  }
}
