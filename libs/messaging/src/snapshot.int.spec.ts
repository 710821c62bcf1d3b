import { connectTestDatabase, type TestDatabase } from '@tandem/testing';
import fc from 'fast-check';
import { saveSnapshotIfNewer } from './snapshot';

describe('saveSnapshotIfNewer', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await connectTestDatabase('snapshot');
  });
  afterAll(() => database.close());

  it('converges on the newest version whatever the order, duplicates and concurrency of writes', async () => {
    const collection = database.db.collection('views');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 12 }),
        async (versions) => {
          const id = `doc-${Math.random().toString(36).slice(2)}`;
          await Promise.all(
            versions.map((version) => saveSnapshotIfNewer(collection, id, version, { label: `v${version}` })),
          );
          const saved = await collection.findOne({ _id: id as never });
          expect(saved).toMatchObject({ version: Math.max(...versions), label: `v${Math.max(...versions)}` });
        },
      ),
      { numRuns: 15 },
    );
  });

  it('keeps fields the snapshot does not name, and answers stale for an older version', async () => {
    const collection = database.db.collection('views');
    await collection.insertOne({ _id: 'with-text' as never, version: 0, name: 'Women in Engineering' });
    expect(await saveSnapshotIfNewer(collection, 'with-text', 2, { status: 'draft' })).toBe('saved');
    expect(await saveSnapshotIfNewer(collection, 'with-text', 1, { status: 'old' })).toBe('stale');
    expect(await collection.findOne({ _id: 'with-text' as never })).toEqual({
      _id: 'with-text',
      version: 2,
      name: 'Women in Engineering',
      status: 'draft',
    });
  });
});
