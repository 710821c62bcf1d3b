import { racingClients, winners, type RacingClients } from './conformance.test-kit';

// Conformance (the contract between Tandem and its database, ARCHITECTURE.md §3): a conditional
// single-document update is atomic. Leases, projections and capacity rely on exactly one winner.
describe('MongoDB conformance: compare-and-set has exactly one winner among 8 clients', () => {
  const trials = 30;
  let clients: RacingClients;

  beforeAll(async () => {
    clients = await racingClients('conformance_cas');
  });
  afterAll(() => clients.close());

  const seed = async (collection: string, doc: Record<string, unknown>) => {
    await clients.dbs[0]!.collection(collection).insertOne(doc as never);
  };

  it(`updateOne({ _id, rev: 0 }) in each of ${trials} trials`, async () => {
    const counts: number[] = [];
    for (let trial = 0; trial < trials; trial += 1) {
      const _id = `cas-${trial}`;
      await seed('cas_by_id', { _id, rev: 0 });
      counts.push(
        await winners(clients.dbs, async (db, client) => {
          const result = await db
            .collection('cas_by_id')
            .updateOne({ _id, rev: 0 } as never, { $set: { rev: 1, owner: client } });
          return result.modifiedCount === 1;
        }),
      );
    }
    expect(counts).toEqual(Array(trials).fill(1));
  });

  it(`updateOne on a non-_id filter ({ key, state: "free" }) in each of ${trials} trials`, async () => {
    const collection = clients.dbs[0]!.collection('cas_by_field');
    await collection.createIndex({ key: 1 }, { unique: true });
    const counts: number[] = [];
    for (let trial = 0; trial < trials; trial += 1) {
      const key = `slot-${trial}`;
      await seed('cas_by_field', { key, state: 'free' });
      counts.push(
        await winners(clients.dbs, async (db, client) => {
          const result = await db
            .collection('cas_by_field')
            .updateOne({ key, state: 'free' }, { $set: { state: 'taken', owner: client } });
          return result.modifiedCount === 1;
        }),
      );
    }
    expect(counts).toEqual(Array(trials).fill(1));
  });

  it(`findOneAndUpdate with a guard returns the document to one caller only, in each of ${trials} trials`, async () => {
    const counts: number[] = [];
    for (let trial = 0; trial < trials; trial += 1) {
      const _id = `fau-${trial}`;
      await seed('cas_find_and_modify', { _id, version: 3, holder: null });
      counts.push(
        await winners(clients.dbs, async (db, client) => {
          const before = await db
            .collection('cas_find_and_modify')
            .findOneAndUpdate(
              { _id, version: 3 } as never,
              { $set: { version: 4, holder: client } },
              { returnDocument: 'before' },
            );
          return before !== null;
        }),
      );
    }
    expect(counts).toEqual(Array(trials).fill(1));
  });

  it('a guarded $inc never takes a counter past its limit (capacity: 2 slots, 8 claimants, 30 trials)', async () => {
    const taken: number[] = [];
    for (let trial = 0; trial < trials; trial += 1) {
      const _id = `capacity-${trial}`;
      await seed('capacity', { _id, used: 0, limit: 2 });
      taken.push(
        await winners(clients.dbs, async (db) => {
          const result = await db
            .collection('capacity')
            .updateOne({ _id, $expr: { $lt: ['$used', '$limit'] } } as never, { $inc: { used: 1 } });
          return result.modifiedCount === 1;
        }),
      );
    }
    expect(taken).toEqual(Array(trials).fill(2));
    const stored = await clients.dbs[0]!.collection('capacity')
      .find({ used: { $ne: 2 } })
      .toArray();
    expect(stored).toEqual([]);
  });
});
