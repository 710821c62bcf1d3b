import { randomUUID } from 'node:crypto';
// eslint-disable-next-line @nx/enforce-module-boundaries -- a benchmark of the analytics domain; tools has no service scope
import {
  factKeyOf,
  factSetOf,
  parseAnalyticsQuery,
  recordInFact,
  runQuery,
  type AnalyticsQueryInput,
  type Fact,
  type FactRecord,
  type RecordedEvent,
} from '@tandem/analytics-domain';
import { MongoClient, type Collection, type Db } from 'mongodb';
import { generatedFacts } from './generated-facts';

// Analytics costs, each beside a baseline measured in the same run:
// - ingest: recording events in their facts (one _id read + one _id replace per event, as the
//   service's FactWriter does) vs one raw insertOne per event;
// - queries over BENCH_FACTS facts in memory (the service's grouping, once facts are loaded);
// - a query over BENCH_DB_FACTS session and relationship facts stored in the database: load + group in TypeScript
//   (the service's path) vs a MongoDB aggregation doing the same grouping.

const ingestEvents = Number(process.env['BENCH_EVENTS'] ?? 1000);
const memoryFacts = Number(process.env['BENCH_FACTS'] ?? 1_000_000);
// 1M as the issue asks: about 11 minutes on the local FerretDB (2.5 to load, 3.5 per query path).
const dbFacts = Number(process.env['BENCH_DB_FACTS'] ?? 1_000_000);
const runId = randomUUID().slice(0, 8);
const tenantId = 'bench';

async function timed(work: () => Promise<unknown> | unknown): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ms = (value: number) => Math.round(value * 10) / 10;

function sessionEvents(count: number): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  for (let i = 0; events.length < count; i += 1) {
    const ref = { sessionId: `s${i}`, relationshipId: `r${i % 50}`, programId: 'p1' };
    const at = new Date(Date.parse('2026-01-01T09:00:00Z') + i * 3_600_000).toISOString();
    const stream = `session-${i}`;
    events.push(
      {
        type: 'sessions.session.scheduled',
        data: { ...ref, scheduledBy: 'u1', kind: 'meeting', startsAt: at, durationMinutes: 60 },
        at,
        stream,
        streamVersion: 1,
      },
      {
        type: 'sessions.session.held',
        data: { ...ref, kind: 'meeting', heldAt: at, durationMinutes: 45, attendeeIds: ['u1', 'u2'] },
        at,
        stream,
        streamVersion: 2,
      },
      {
        type: 'sessions.session.feedback-submitted',
        data: { ...ref, participantId: 'u2', rating: 4, helpful: true },
        at,
        stream,
        streamVersion: 3,
      },
    );
  }
  return events.slice(0, count);
}

type StoredFact = FactRecord & { _id: string; tenantId: string };

async function ingest(db: Db): Promise<{ eventsPerSecond: number; rawInsertsPerSecond: number }> {
  const events = sessionEvents(ingestEvents);
  const facts = db.collection<StoredFact>('facts');
  const factMs = await timed(async () => {
    for (const event of events) {
      const key = factKeyOf(event);
      if (!key) continue;
      const _id = `${tenantId}/${key.kind}/${key.id}`;
      const current = await facts.findOne({ _id });
      const next = recordInFact(current ?? undefined, event);
      if (next === 'unchanged') continue;
      await facts.replaceOne({ _id }, { tenantId, ...next, history: [...next.history] }, { upsert: true });
    }
  });
  const raw = db.collection<{ _id: string; event: RecordedEvent }>('raw_events');
  const rawMs = await timed(async () => {
    for (const event of events) await raw.insertOne({ _id: randomUUID(), event });
  });
  return {
    eventsPerSecond: Math.round(events.length / (factMs / 1000)),
    rawInsertsPerSecond: Math.round(events.length / (rawMs / 1000)),
  };
}

const sessionsByProgramAndMonth: AnalyticsQueryInput = {
  measures: ['sessionsHeld', 'sessionHours'],
  dimensions: ['program'],
  timeGrain: 'month',
};
const typicalQueries: Record<string, AnalyticsQueryInput> = {
  sessionsByProgramAndMonth,
  relationshipsByMenteeDepartment: {
    measures: ['relationships', 'activeRelationships'],
    dimensions: ['menteeDepartment'],
  },
  outcomesByCohort: {
    measures: ['goalCompletionRate', 'averageRating', 'medianDaysToFirstSession'],
    dimensions: ['cohort', 'programType'],
  },
};

function inMemoryQueries(): Record<string, number> {
  const facts = factSetOf(generatedFacts(memoryFacts));
  const latencies: Record<string, number> = {};
  for (const [name, input] of Object.entries(typicalQueries)) {
    const query = parseAnalyticsQuery(input);
    const runs: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const started = process.hrtime.bigint();
      runQuery(facts, query);
      runs.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    latencies[name] = ms(medianOf(runs));
  }
  return latencies;
}

/** `month` is what a pipeline-first design would store, for engines without string operators in $group. */
type FactDocument = {
  _id: string;
  tenantId: string;
  kind: string;
  programId: string;
  month: string | null;
  fact: Fact;
};

async function storedQuery(db: Db): Promise<{
  facts: number;
  loadSeconds: number;
  serviceMs: number;
  aggregationMs: number;
  aggregationGroupsBy: string;
  sameAnswer: boolean;
}> {
  const collection: Collection<FactDocument> = db.collection<FactDocument>('stored_facts');
  let batch: FactDocument[] = [];
  let stored = 0;
  const loadStarted = process.hrtime.bigint();
  for (const fact of generatedFacts(dbFacts * 2)) {
    if (fact.kind !== 'session' && fact.kind !== 'relationship') continue;
    if (stored >= dbFacts) break;
    const month = fact.kind === 'session' && fact.heldAt ? fact.heldAt.slice(0, 7) : null;
    batch.push({
      _id: `${tenantId}/${fact.kind}/${stored}`,
      tenantId,
      kind: fact.kind,
      programId: fact.programId,
      month,
      fact,
    });
    stored += 1;
    if (batch.length === 1000) {
      await collection.insertMany(batch);
      batch = [];
      if (stored % 100_000 === 0) process.stderr.write(`analytics: ${stored} of ${dbFacts} facts stored…\n`);
    }
  }
  if (batch.length > 0) await collection.insertMany(batch);
  await collection.createIndex({ tenantId: 1, programId: 1 });
  const loadSeconds = Number(process.hrtime.bigint() - loadStarted) / 1e9;
  process.stderr.write(`analytics: querying ${stored} stored facts (service path, then aggregation)…\n`);

  const query = parseAnalyticsQuery(sessionsByProgramAndMonth);
  let serviceRows: { key: string; held: number }[] = [];
  const serviceMs = await timed(async () => {
    const documents = await collection.find({ tenantId }, { projection: { fact: 1 } }).toArray();
    const result = runQuery(factSetOf(documents.map((d) => d.fact)), query);
    serviceRows = result.rows.map((r) => ({
      key: `${r.dimensions.program}|${r.period}`,
      held: r.measures.sessionsHeld ?? 0,
    }));
  });
  // The same grouping in the database: month cut from heldAt where the engine can ($substrBytes),
  // else the stored month field (FerretDB 1.x has no string operators in $group).
  const pipeline = (month: unknown) => [
    { $match: { tenantId, kind: 'session', 'fact.status': 'held' } },
    {
      $group: {
        _id: { programId: '$programId', month },
        held: { $sum: 1 },
        minutes: { $sum: '$fact.durationMinutes' },
      },
    },
  ];
  const group = async (month: unknown) =>
    collection
      .aggregate<{ _id: { programId: string; month: string }; held: number; minutes: number }>(
        pipeline(month),
      )
      .toArray();
  let aggregationGroupsBy = 'substrBytes(heldAt)';
  let aggregationRows: { key: string; held: number }[] = [];
  const aggregationMs = await timed(async () => {
    const grouped = await group({ $substrBytes: ['$fact.heldAt', 0, 7] }).catch(async () => {
      aggregationGroupsBy = 'stored month field';
      return group('$month');
    });
    aggregationRows = grouped.map((g) => ({ key: `${g._id.programId}|${g._id.month}`, held: g.held }));
  });
  const canonical = (rows: { key: string; held: number }[]) =>
    JSON.stringify(rows.filter((r) => r.held > 0).sort((a, b) => (a.key < b.key ? -1 : 1)));
  return {
    facts: stored,
    loadSeconds: Math.round(loadSeconds * 10) / 10,
    serviceMs: ms(serviceMs),
    aggregationMs: ms(aggregationMs),
    aggregationGroupsBy,
    sameAnswer: canonical(serviceRows) === canonical(aggregationRows),
  };
}

export async function main(): Promise<void> {
  const mongoUri = process.env['MONGODB_URI'] ?? '';
  const database = `bench_analytics_${runId}`;
  const client = await new MongoClient(mongoUri.replace(/\/(\?|$)/, `/${database}$1`)).connect();
  const db = client.db(database);
  try {
    process.stderr.write(`analytics: ingest ${ingestEvents} events…\n`);
    const ingested = await ingest(db);
    process.stderr.write(`analytics: queries over ${memoryFacts} facts in memory…\n`);
    const inMemory = inMemoryQueries();
    process.stderr.write(`analytics: stored query over ${dbFacts} facts…\n`);
    const stored = await storedQuery(db);
    const report = {
      benchmark: 'analytics',
      ingest: {
        events: ingestEvents,
        ...ingested,
        ratioVsRawInserts: Number((ingested.eventsPerSecond / ingested.rawInsertsPerSecond).toFixed(3)),
      },
      queriesInMemory: { facts: memoryFacts, latencyMs: inMemory },
      storedQuery: {
        ...stored,
        ratioServiceVsAggregation: Number((stored.serviceMs / stored.aggregationMs).toFixed(3)),
      },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  }
}
