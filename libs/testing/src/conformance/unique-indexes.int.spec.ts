import { racingClients, winners, type RacingClients } from './conformance.test-kit';

// Conformance: unique and compound unique indexes are enforced, also when inserts race.
describe('MongoDB conformance: unique indexes hold under races', () => {
  const trials = 30;
  let clients: RacingClients;

  beforeAll(async () => {
    clients = await racingClients('conformance_unique');
  });
  afterAll(() => clients.close());

  const insertWins = (collection: string, doc: (client: number) => Record<string, unknown>) =>
    winners(clients.dbs, async (db, client) => {
      try {
        await db.collection(collection).insertOne(doc(client) as never);
        return true;
      } catch (error) {
        if ((error as { code?: unknown }).code === 11000) return false;
        throw error;
      }
    });

  it(`a unique secondary index lets one of 8 racing inserts win, in each of ${trials} trials`, async () => {
    await clients.dbs[0]!.collection('single').createIndex({ key: 1 }, { unique: true });
    const counts: number[] = [];
    for (let trial = 0; trial < trials; trial += 1)
      counts.push(await insertWins('single', (client) => ({ key: `k-${trial}`, client })));
    expect(counts).toEqual(Array(trials).fill(1));
    expect(await clients.dbs[0]!.collection('single').countDocuments()).toBe(trials);
  });

  it(`a compound unique index (tenant, stream, version) lets one win per key, in each of ${trials} trials`, async () => {
    await clients.dbs[0]!.collection('compound').createIndex(
      { tenantId: 1, streamId: 1, version: 1 },
      { unique: true },
    );
    const counts: number[] = [];
    for (let trial = 0; trial < trials; trial += 1) {
      counts.push(
        await insertWins('compound', (client) => ({
          tenantId: 'acme',
          streamId: `s-${trial}`,
          version: 1,
          client,
        })),
      );
    }
    expect(counts).toEqual(Array(trials).fill(1));
    // Other values of one key part are other keys.
    await clients.dbs[0]!.collection('compound').insertOne({
      tenantId: 'globex',
      streamId: 's-0',
      version: 1,
    });
    await clients.dbs[0]!.collection('compound').insertOne({ tenantId: 'acme', streamId: 's-0', version: 2 });
    expect(await clients.dbs[0]!.collection('compound').countDocuments()).toBe(trials + 2);
  });

  it('a compound unique index over an array field is enforced across documents (one commit per append)', async () => {
    const collection = clients.dbs[0]!.collection('multikey');
    await collection.createIndex({ streamId: 1, versions: 1 }, { unique: true });
    await collection.insertOne({ streamId: 's', versions: [1, 2, 3] });
    await expect(collection.insertOne({ streamId: 's', versions: [3, 4] })).rejects.toMatchObject({
      code: 11000,
    });
    await expect(collection.insertOne({ streamId: 's', versions: [2] })).rejects.toMatchObject({
      code: 11000,
    });
    await collection.insertOne({ streamId: 's', versions: [4, 5] });
    await collection.insertOne({ streamId: 'other', versions: [1, 2] });
    const counts: number[] = [];
    for (let trial = 0; trial < 30; trial += 1) {
      counts.push(
        await insertWins('multikey', (client) => ({ streamId: `race-${trial}`, versions: [1, 2 + client] })),
      );
    }
    expect(counts).toEqual(Array(30).fill(1));
  });

  it('an ordered insertMany stops at the duplicate and reports exactly what it inserted', async () => {
    const collection = clients.dbs[0]!.collection('ordered');
    await collection.createIndex({ key: 1 }, { unique: true });
    await collection.insertOne({ key: 3 });
    const attempt = collection.insertMany([{ key: 1 }, { key: 2 }, { key: 3 }, { key: 4 }], {
      ordered: true,
    });
    await expect(attempt).rejects.toMatchObject({ code: 11000, insertedCount: 2 });
    expect((await collection.find().sort({ key: 1 }).toArray()).map((doc) => doc['key'])).toEqual([1, 2, 3]);
  });

  it('a partial unique index applies only to the documents its filter selects', async () => {
    const collection = clients.dbs[0]!.collection('partial');
    await collection.createIndex({ key: 1 }, { unique: true, partialFilterExpression: { active: true } });
    await collection.insertMany([
      { key: 'a', active: false },
      { key: 'a', active: false },
      { key: 'a', active: true },
    ]);
    await expect(collection.insertOne({ key: 'a', active: true })).rejects.toMatchObject({ code: 11000 });
  });
});
