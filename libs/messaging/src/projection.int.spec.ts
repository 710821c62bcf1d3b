import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@tandem/events';
import { connectTestDatabase, type TestDatabase } from '@tandem/testing';
import fc from 'fast-check';
import type { Collection } from 'mongodb';
import { applyOnce, applyOnceMany, type ProjectedDocument } from './projection';
import { progressEnvelope } from './projection.test-kit';

interface ProgramTotals {
  total: number;
  /** Per stream, the values in the order applied: catches any out-of-order or double application. */
  perStream: Record<string, number[]>;
}

const evolve = (state: ProgramTotals | undefined, event: EventEnvelope): ProgramTotals => {
  const value = (event.data as { progress: number }).progress;
  const previous = state ?? { total: 0, perStream: {} };
  const stream = event.metadata.streamId;
  return {
    total: previous.total + value,
    perStream: { ...previous.perStream, [stream]: [...(previous.perStream[stream] ?? []), value] },
  };
};

const envelope = progressEnvelope;

/** Streams of events, where each stream lives on a partition; deliveries per partition keep stream order. */
const scenario = fc
  .record({
    streams: fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 6 }), {
      minLength: 1,
      maxLength: 5,
    }),
    partitions: fc.integer({ min: 1, max: 3 }),
    interleaving: fc.array(fc.nat(), { maxLength: 60 }),
    redeliveries: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }),
  })
  .map(({ streams, partitions, interleaving, redeliveries }) => {
    const ids = streams.map(() => `goal-${randomUUID()}`);
    const events = streams.map((values, s) => values.map((v, i) => envelope(ids[s]!, i + 1, v)));
    // Merge the streams of each partition in a random order that keeps every stream's order.
    const perPartition: EventEnvelope[][] = Array.from({ length: partitions }, () => []);
    const cursors = events.map(() => 0);
    const choices = [...interleaving, ...events.flatMap((e, s) => e.map(() => s))];
    for (const choice of choices) {
      const s = choice % events.length;
      const next = events[s]![cursors[s]!];
      if (!next) continue;
      cursors[s]! += 1;
      perPartition[s % partitions]!.push(next);
    }
    // Redelivery replays an already delivered message later on its partition.
    for (const [at, back] of redeliveries) {
      const partition = perPartition[at % partitions]!;
      if (partition.length === 0) continue;
      const position = at % partition.length;
      partition.splice(position + 1, 0, partition[position - (back % (position + 1))]!);
    }
    return { ids, events, perPartition };
  });

describe('applyOnce (MongoDB-compatible server)', () => {
  let database: TestDatabase;
  let collection: Collection<ProjectedDocument<ProgramTotals>>;

  beforeAll(async () => {
    database = await connectTestDatabase('projection');
    collection = database.db.collection('program_totals');
  });

  afterAll(() => database.close());

  it('applies a redelivered event only once', async () => {
    const event = envelope(`goal-${randomUUID()}`, 1, 7);
    const id = randomUUID();
    expect(await applyOnce(collection, id, event, evolve)).toBe('applied');
    expect(await applyOnce(collection, id, event, evolve)).toBe('already-applied');
    expect(await collection.findOne({ _id: id })).toMatchObject({ total: 7, _revision: 1 });
  });

  it('converges to the in-order result for any interleaving across partitions and any redelivery', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ events, perPartition }) => {
        const [shuffledId, inOrderId] = [randomUUID(), randomUUID()];
        // Partitions are consumed concurrently, each one in order: the way consumer groups run.
        await Promise.all(
          perPartition.map(async (deliveries) => {
            for (const event of deliveries) await applyOnce(collection, shuffledId, event, evolve);
          }),
        );
        for (const event of events.flat()) await applyOnce(collection, inOrderId, event, evolve);

        const strip = (doc: ProjectedDocument<ProgramTotals> | null) =>
          doc && { total: doc.total, perStream: doc.perStream, _applied: doc._applied };
        const [shuffled, inOrder] = await Promise.all([
          collection.findOne({ _id: shuffledId }),
          collection.findOne({ _id: inOrderId }),
        ]);
        expect(strip(shuffled)).toEqual(strip(inOrder));
      }),
      { numRuns: 40 },
    );
  });

  it('applyOnceMany: converges like applyOnce for any batching of each partition, racing batches included', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenario,
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 10 }),
        async ({ events, perPartition }, cuts) => {
          const [batchedId, inOrderId] = [randomUUID(), randomUUID()];
          // Each partition in batches of the chosen sizes; partitions race each other.
          await Promise.all(
            perPartition.map(async (deliveries) => {
              for (let at = 0, cut = 0; at < deliveries.length; cut += 1) {
                const size = cuts[cut % cuts.length]!;
                const batch = deliveries.slice(at, at + size);
                at += size;
                await applyOnceMany(
                  collection,
                  batch.map((event) => ({ documentId: batchedId, event })),
                  evolve,
                );
              }
            }),
          );
          for (const event of events.flat()) await applyOnce(collection, inOrderId, event, evolve);
          const strip = (doc: ProjectedDocument<ProgramTotals> | null) =>
            doc && { total: doc.total, perStream: doc.perStream, _applied: doc._applied };
          const [batched, inOrder] = await Promise.all([
            collection.findOne({ _id: batchedId }),
            collection.findOne({ _id: inOrderId }),
          ]);
          expect(strip(batched)).toEqual(strip(inOrder));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('applyOnceMany: reports applied and already-applied per item, across documents, in the order given', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const stream = `goal-${randomUUID()}`;
    const first = envelope(stream, 1, 2);
    const second = envelope(stream, 2, 3);
    expect(await applyOnceMany(collection, [{ documentId: a, event: first }], evolve)).toEqual(['applied']);
    const outcomes = await applyOnceMany(
      collection,
      [
        { documentId: a, event: first },
        { documentId: a, event: second },
        { documentId: b, event: first },
        { documentId: b, event: first },
      ],
      evolve,
    );
    expect(outcomes).toEqual(['already-applied', 'applied', 'applied', 'already-applied']);
    expect(await collection.findOne({ _id: a })).toMatchObject({ total: 5, _revision: 2 });
    expect(await collection.findOne({ _id: b })).toMatchObject({ total: 2, _revision: 1 });
  });
});
