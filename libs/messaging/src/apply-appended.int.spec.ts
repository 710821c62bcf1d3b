import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@tandem/events';
import { connectTestDatabase, type TestDatabase } from '@tandem/testing';
import type { Collection } from 'mongodb';
import { applyAppended } from './apply-appended';
import { applyOnce, type ProjectedDocument } from './projection';
import { progressEnvelope } from './projection.test-kit';

interface Progress {
  values: number[];
}

const evolve = (state: Progress | undefined, event: EventEnvelope): Progress => ({
  values: [...(state?.values ?? []), (event.data as { progress: number }).progress],
});

const envelope = progressEnvelope;

describe('applyAppended (MongoDB-compatible server)', () => {
  let database: TestDatabase;
  let collection: Collection<ProjectedDocument<Progress>>;
  const noStreamRead = () => Promise.reject(new Error('the stream should not be read'));

  beforeAll(async () => {
    database = await connectTestDatabase('apply_appended');
    collection = database.db.collection('progress');
  });

  afterAll(() => database.close());

  it('creates a new document without reading it and returns what it stored', async () => {
    const [id, stream] = [randomUUID(), `goal-${randomUUID()}`];
    const reads = jest.spyOn(collection, 'findOne');
    const stored = await applyAppended(collection, id, [envelope(stream, 1, 4)], evolve, {
      current: null,
      readStream: noStreamRead,
    });
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    expect(stored).toMatchObject({ values: [4], _revision: 1 });
    expect(await collection.findOne({ _id: id })).toEqual(stored);
  });

  it('reads the versions a crashed command left unprojected from the stream, so none is skipped', async () => {
    const [id, stream] = [randomUUID(), `goal-${randomUUID()}`];
    const history = [envelope(stream, 1, 1), envelope(stream, 2, 2), envelope(stream, 3, 3)];
    await applyOnce(collection, id, history[0]!, evolve);
    // Version 2 was appended by a command that died before projecting it; version 3 is ours.
    const stored = await applyAppended(collection, id, [history[2]!], evolve, {
      readStream: () => Promise.resolve(history),
    });
    expect(stored).toMatchObject({ values: [1, 2, 3], _revision: 2 });
  });

  it('skips what the topic delivery applied first, and retries on the fresh document when `current` is stale', async () => {
    const [id, stream] = [randomUUID(), `goal-${randomUUID()}`];
    const [first, second, third] = [envelope(stream, 1, 1), envelope(stream, 2, 2), envelope(stream, 3, 3)];
    await applyOnce(collection, id, first, evolve);
    const stale = await collection.findOne({ _id: id });
    await applyOnce(collection, id, second, evolve); // the consumer got there first
    expect(
      await applyAppended(collection, id, [second], evolve, { current: stale, readStream: noStreamRead }),
    ).toMatchObject({ values: [1, 2], _revision: 2 });
    const stored = await applyAppended(collection, id, [third], evolve, {
      current: stale,
      readStream: noStreamRead,
    });
    expect(stored).toMatchObject({ values: [1, 2, 3], _revision: 3 });
    // Redelivered afterwards from the topic: nothing changes.
    expect(await applyOnce(collection, id, third, evolve)).toBe('already-applied');
  });
});
