import { randomUUID } from 'node:crypto';
import { factSetOf, programFunnel, programSummary, type Fact } from '@tandem/analytics-domain';
import { connectTestDatabase, type TestDatabase } from '@tandem/testing';
import type { MongoConnection } from '@tandem/runtime';
import { generateScenario, scenarioEnvelopes } from '../analytics-scenario.test-kit';
import { FactGenerations } from './fact-generations';
import { FactWriter } from './fact-writer';
import { RollupReader } from './rollup-reader';

describe('FactWriter.recordMany (MongoDB-compatible server)', () => {
  let database: TestDatabase;
  let generations: FactGenerations;
  let writer: FactWriter;
  let summaries: RollupReader;
  const generation = () => Math.floor(Math.random() * 1e9) + 1;

  beforeAll(async () => {
    database = await connectTestDatabase('fact_writer');
    generations = new FactGenerations({ db: database.db, client: database.client } as MongoConnection);
    writer = new FactWriter(generations);
    summaries = new RollupReader(generations);
  });

  /** Generations that keep rollups from their first fact, as a rebuild's or a new installation's do. */
  const rolledUp = async (...numbers: number[]) => {
    for (const number of numbers) await generations.prepare(number);
    await generations.save({ _id: 'facts', active: 1, building: null, lastRebuild: null, rolledUp: numbers });
  };

  /** Every program's summary from the generation's rollups, beside the one its facts give. */
  const summariesOf = async (number: number) => {
    const documents = await generations.collection(number).find().toArray();
    const facts = factSetOf(documents.map((d) => d.fact as Fact));
    const programs = [
      ...new Set(documents.map((d) => [d.tenantId, d.programId] as const).map((p) => p.join('|'))),
    ];
    return Promise.all(
      programs.sort().map(async (key) => {
        const [tenantId, programId] = key.split('|') as [string, string];
        return {
          fromRollups: {
            summary: await summaries.summaryIn(number, tenantId, programId),
            funnel: await summaries.funnelIn(number, tenantId, programId),
          },
          fromFacts: { summary: programSummary(facts, programId), funnel: programFunnel(facts, programId) },
        };
      }),
    );
  };

  afterAll(() => database.close());

  const factsOf = async (generation: number) =>
    (await generations.collection(generation).find().sort({ _id: 1 }).toArray()).map(
      ({ revision: _revision, ...fact }) => fact,
    );

  it('records batches, redelivered ones included, into the same facts as one event at a time', async () => {
    const events = scenarioEnvelopes(generateScenario(`acme-${randomUUID().slice(0, 8)}`, 11, 2), 11);
    const [oneByOne, batched] = [generation(), generation()];
    for (const event of events) await writer.record(oneByOne, event);
    // Batches of varying size; every third batch is delivered twice, as after a rebalance.
    for (let at = 0, size = 1, batch = 0; at < events.length; at += size, size = (size % 7) + 1, batch += 1) {
      const slice = events.slice(at, at + size);
      await writer.recordMany(batched, slice);
      if (batch % 3 === 0) await writer.recordMany(batched, slice);
    }
    const expected = await factsOf(oneByOne);
    expect(expected.length).toBeGreaterThan(10);
    expect(await factsOf(batched)).toEqual(expected);
  });

  it('keeps each program’s rollups equal to its facts’ summary and funnel through redeliveries and racing batches', async () => {
    const events = scenarioEnvelopes(generateScenario(`acme-${randomUUID().slice(0, 8)}`, 13, 2), 13);
    const [oneByOne, raced] = [generation(), generation()];
    await rolledUp(oneByOne, raced);
    for (const event of events) await writer.record(oneByOne, event);
    const half = Math.floor(events.length / 2);
    // Overlapping batches at once (every event of the first half three times), then all again.
    await Promise.all([
      writer.recordMany(raced, events.slice(0, half)),
      writer.recordMany(raced, events.slice(half)),
      writer.recordMany(raced, events.slice(0, half).reverse()),
      ...events.slice(0, half).map((event) => writer.record(raced, event)),
    ]);
    await writer.recordMany(raced, events);
    const [alone, racing] = [await summariesOf(oneByOne), await summariesOf(raced)];
    expect(alone.length).toBeGreaterThan(1);
    const reached = (test: (facts: (typeof alone)[number]['fromFacts']) => boolean) =>
      alone.some(({ fromFacts }) => test(fromFacts));
    expect(reached(({ summary }) => summary.sessionsHeld > 0 && summary.matchedMentees > 0)).toBe(true);
    expect(reached(({ summary }) => summary.checkInsOverdue > 0)).toBe(true);
    // Every step of the funnel reached by someone, so each rule of a journey is exercised.
    for (const step of [1, 2, 3, 4, 5])
      expect(reached(({ funnel }) => (funnel.stages[step]?.count ?? 0) > 0)).toBe(true);
    for (const { fromRollups, fromFacts } of [...alone, ...racing]) expect(fromRollups).toEqual(fromFacts);
  });

  it('converges when two batches race for the same facts', async () => {
    const events = scenarioEnvelopes(generateScenario(`acme-${randomUUID().slice(0, 8)}`, 12, 1), 12);
    const [oneByOne, raced] = [generation(), generation()];
    for (const event of events) await writer.record(oneByOne, event);
    const half = Math.floor(events.length / 2);
    await Promise.all([
      writer.recordMany(raced, events.slice(0, half)),
      writer.recordMany(raced, events.slice(half)),
      writer.recordMany(raced, events),
    ]);
    expect(await factsOf(raced)).toEqual(await factsOf(oneByOne));
  });
});
