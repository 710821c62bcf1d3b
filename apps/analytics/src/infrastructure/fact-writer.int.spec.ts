import { randomUUID } from 'node:crypto';
import { connectTestDatabase, type TestDatabase } from '@tandem/testing';
import type { MongoConnection } from '@tandem/runtime';
import { generateScenario, scenarioEnvelopes } from '../analytics-scenario.test-kit';
import { FactGenerations } from './fact-generations';
import { FactWriter } from './fact-writer';

describe('FactWriter.recordMany (MongoDB-compatible server)', () => {
  let database: TestDatabase;
  let generations: FactGenerations;
  let writer: FactWriter;

  beforeAll(async () => {
    database = await connectTestDatabase('fact_writer');
    generations = new FactGenerations({ db: database.db } as MongoConnection);
    writer = new FactWriter(generations);
  });

  afterAll(() => database.close());

  const factsOf = async (generation: number) =>
    (await generations.collection(generation).find().sort({ _id: 1 }).toArray()).map(
      ({ revision: _revision, ...fact }) => fact,
    );

  it('records batches, redelivered ones included, into the same facts as one event at a time', async () => {
    const events = scenarioEnvelopes(generateScenario(`acme-${randomUUID().slice(0, 8)}`, 11, 2), 11);
    const [oneByOne, batched] = [
      1_000_000 + Math.floor(Math.random() * 1e6),
      3_000_000 + Math.floor(Math.random() * 1e6),
    ];
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

  it('converges when two batches race for the same facts', async () => {
    const events = scenarioEnvelopes(generateScenario(`acme-${randomUUID().slice(0, 8)}`, 12, 1), 12);
    const [oneByOne, raced] = [
      5_000_000 + Math.floor(Math.random() * 1e6),
      7_000_000 + Math.floor(Math.random() * 1e6),
    ];
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
