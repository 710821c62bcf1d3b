import { docsExamined } from '../docs-examined';
import { racingClients, type RacingClients } from './conformance.test-kit';

// Conformance: a query on an indexed field reads through the index, not the whole collection
// (counted by the server's own explain, not timed). Stream reads, relays and read models rely on it.
describe('MongoDB conformance: indexed queries use their index', () => {
  const size = 20_000;
  let clients: RacingClients;

  beforeAll(async () => {
    clients = await racingClients('conformance_index', 1);
    const docs = clients.dbs[0]!.collection('docs');
    for (let i = 0; i < size; i += 5_000) {
      await docs.insertMany(
        Array.from({ length: 5_000 }, (_, j) => ({
          _id: `d-${i + j}` as never,
          tenantId: `t-${(i + j) % 10}`,
          streamId: `s-${(i + j) % 2_000}`,
          version: Math.floor((i + j) / 2_000) + 1,
          published: i + j < size - 3,
          unindexed: i + j,
        })),
      );
    }
    await docs.createIndex({ tenantId: 1, streamId: 1, version: 1 }, { unique: true });
    await docs.createIndex({ published: 1, version: 1 });
  });
  afterAll(() => clients.close());

  it('equality plus sort on a compound index examines only the matching documents', async () => {
    const docs = clients.dbs[0]!.collection('docs');
    const cursor = docs.find({ tenantId: 't-3', streamId: 's-3' }).sort({ version: 1 });
    const found = await cursor.toArray();
    expect(found.map((doc) => doc['version'])).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(
      (await docsExamined(docs.find({ tenantId: 't-3', streamId: 's-3' }).sort({ version: 1 }))).examined,
    ).toBe(10);
  });

  it('a range on the index examines only the range; the unindexed twin scans everything', async () => {
    const docs = clients.dbs[0]!.collection('docs');
    const unpublished = await docs.find({ published: false }).sort({ version: 1 }).toArray();
    expect(unpublished).toHaveLength(3);
    expect((await docsExamined(docs.find({ published: false }).sort({ version: 1 }))).examined).toBe(3);
    expect((await docsExamined(docs.find({ unindexed: { $gte: size - 3 } }))).examined).toBe(size);
  });

  it('a lookup by _id examines one document', async () => {
    const docs = clients.dbs[0]!.collection('docs');
    expect((await docsExamined(docs.find({ _id: 'd-12345' as never }))).examined).toBe(1);
  });
});
