import { racingClients, type RacingClients } from './conformance.test-kit';

// Conformance: `$inc` is atomic, with and without upsert, under 8 concurrent clients.
describe('MongoDB conformance: concurrent $inc loses nothing', () => {
  const perClient = 250;
  let clients: RacingClients;

  beforeAll(async () => {
    clients = await racingClients('conformance_inc');
  });
  afterAll(() => clients.close());

  it(`8 clients × ${perClient} $inc on existing documents: every increment counted`, async () => {
    const counters = clients.dbs[0]!.collection<{ _id: string; n: number }>('existing');
    await counters.insertMany(Array.from({ length: 5 }, (_, i) => ({ _id: `c-${i}`, n: 0 })));
    await Promise.all(
      clients.dbs.map(async (db) => {
        for (let i = 0; i < perClient; i += 1) {
          await db
            .collection<{ _id: string; n: number }>('existing')
            .updateOne({ _id: `c-${i % 5}` }, { $inc: { n: 1 } });
        }
      }),
    );
    const total = (await counters.find().toArray()).reduce((sum, doc) => sum + doc.n, 0);
    expect(total).toBe(clients.dbs.length * perClient);
  });

  it(`8 clients × ${perClient} upserting $inc from an empty collection: exact, no duplicate-key error`, async () => {
    const errors: unknown[] = [];
    await Promise.all(
      clients.dbs.map(async (db) => {
        for (let i = 0; i < perClient; i += 1) {
          await db
            .collection<{ _id: string; n: number }>('upserted')
            .updateOne({ _id: `u-${i % 5}` }, { $inc: { n: 1 } }, { upsert: true })
            .catch((error: unknown) => errors.push(error));
        }
      }),
    );
    const docs = await clients.dbs[0]!.collection<{ _id: string; n: number }>('upserted').find().toArray();
    expect(errors).toEqual([]);
    expect(docs).toHaveLength(5);
    expect(docs.reduce((sum, doc) => sum + doc.n, 0)).toBe(clients.dbs.length * perClient);
  });
});
