import { randomUUID } from 'node:crypto';
import { eventDefinition, type TandemEvent } from '@tandem/events';
import type { TestDatabase } from '@tandem/testing';
import { ConcurrencyError, InvalidEventError } from './errors';
import type { EventStore } from './event-store';
import { openTestEventStore } from './event-store.test-kit';
import { streamRange } from './storage';

const progress = (goalId: string, value: number): TandemEvent => ({
  type: 'goals.goal.progress-recorded',
  data: { goalId, relationshipId: 'rel-1', programId: 'prog-1', recordedBy: 'user-1', progress: value },
});

describe('EventStore (MongoDB-compatible server)', () => {
  let database: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    ({ database, store } = await openTestEventStore('eventstore', '/tandem/goals'));
  });

  afterAll(() => database.close());

  it('appends and reads a stream back with versions, ids and metadata', async () => {
    const streamId = `goal-${randomUUID()}`;
    const appended = await store.append('acme', streamId, 0, [progress('g1', 10), progress('g1', 20)], {
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    });
    expect(appended.map((e) => e.metadata.streamVersion)).toEqual([1, 2]);

    const read = await store.readStream('acme', streamId);
    expect(read.version).toBe(2);
    expect(read.events).toEqual(appended);
    expect(read.events[1]).toMatchObject({
      type: 'goals.goal.progress-recorded',
      version: eventDefinition('goals.goal.progress-recorded')?.version, // the newest version is what gets written
      data: { progress: 20 },
      metadata: {
        tenantId: 'acme',
        streamId,
        source: '/tandem/goals',
        traceparent: expect.stringMatching(/^00-/),
      },
    });
    expect(new Set(read.events.map((e) => e.metadata.id)).size).toBe(2);
  });

  it('keeps tenants apart: another tenant sees an empty stream under the same id', async () => {
    const streamId = `goal-${randomUUID()}`;
    await store.append('acme', streamId, 0, [progress('g1', 10)]);
    expect(await store.readStream('globex', streamId)).toEqual({ version: 0, events: [] });
  });

  it('rejects an event that fails its schema and writes nothing', async () => {
    const streamId = `goal-${randomUUID()}`;
    const bad = {
      type: 'goals.goal.progress-recorded',
      data: { goalId: 'g1', progress: 250 },
    } as unknown as TandemEvent;
    const error = await store.append('acme', streamId, 0, [progress('g1', 5), bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidEventError);
    expect((error as InvalidEventError).issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['data.progress', 'data.relationshipId']),
    );
    expect((await store.readStream('acme', streamId)).version).toBe(0);
  });

  it('lets exactly one of 20 concurrent appends at the same version win, leaving no gaps', async () => {
    const streamId = `goal-${randomUUID()}`;
    await store.append('acme', streamId, 0, [progress('g1', 1)]);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        store.append('acme', streamId, 1, [progress('g1', i), progress('g1', i)]),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(19);
    for (const r of rejected) expect(r.reason).toBeInstanceOf(ConcurrencyError);

    const read = await store.readStream('acme', streamId);
    expect(read.events.map((e) => e.metadata.streamVersion)).toEqual([1, 2, 3]);
  });

  it('refuses an append at a version read before another append, naming both versions', async () => {
    const streamId = `goal-${randomUUID()}`;
    await store.append('acme', streamId, 0, [progress('g1', 1)]);
    // Two commands read the stream at version 1; the first appends three events, the second is late.
    await store.append('acme', streamId, 1, [progress('g1', 2), progress('g1', 3), progress('g1', 4)]);
    await expect(store.append('acme', streamId, 1, [progress('g1', 9)])).rejects.toThrow(
      'is not at version 1 (it is at 4)',
    );
    expect((await store.readStream('acme', streamId)).events.map((e) => e.data)).toEqual(
      [1, 2, 3, 4].map((n) => progress('g1', n).data),
    );
  });

  it('reads a stream with one indexed query that examines only its own commits', async () => {
    const streamId = `goal-${randomUUID()}`;
    for (let version = 0; version < 4; version += 1)
      await store.append('acme', streamId, version, [progress('g1', version)]);
    await store.append('globex', streamId, 0, [progress('g1', 0)]);
    const explained = await store.collections.commits
      .find(streamRange('acme', streamId))
      .sort({ fromVersion: 1 })
      .explain('executionStats');
    expect(explained['executionStats']?.totalDocsExamined).toBe(4);
    expect(JSON.stringify(explained['queryPlanner'])).toContain('"indexName":"_id_"');
    expect((await store.readStream('acme', streamId)).version).toBe(4);
  });

  it('appends to many streams in one call, each all or nothing with its own outcome', async () => {
    const [fresh, taken, invalid] = [`goal-${randomUUID()}`, `goal-${randomUUID()}`, `goal-${randomUUID()}`];
    await store.append('acme', taken, 0, [progress('g1', 1)]);
    const outcomes = await store.appendMany([
      {
        tenantId: 'acme',
        streamId: fresh,
        expectedVersion: 0,
        events: [progress('g1', 1), progress('g1', 2)],
      },
      { tenantId: 'acme', streamId: taken, expectedVersion: 0, events: [progress('g1', 5)] },
      {
        tenantId: 'acme',
        streamId: invalid,
        expectedVersion: 0,
        events: [{ type: 'goals.goal.progress-recorded', data: { goalId: 'g1' } } as TandemEvent],
      },
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, false]);
    expect(outcomes[1]).toMatchObject({ ok: false, error: expect.any(ConcurrencyError) });
    expect(outcomes[2]).toMatchObject({ ok: false, error: expect.any(InvalidEventError) });
    expect((await store.readStream('acme', fresh)).version).toBe(2);
    expect((await store.readStream('acme', taken)).events.map((e) => e.data)).toEqual([
      progress('g1', 1).data,
    ]);
    expect((await store.readStream('acme', invalid)).version).toBe(0);
  });

  it('finds unpublished commits through the partial outbox index, which published ones leave', async () => {
    const streamId = `goal-${randomUUID()}`;
    await store.append('acme', streamId, 0, [progress('g1', 1)]);
    await store.append('acme', streamId, 1, [progress('g1', 2)]);
    const { commits } = store.collections;
    await commits.updateOne({ tenantId: 'acme', streamId, fromVersion: 1 }, { $set: { published: true } });
    const explained = await commits
      .find({ published: false })
      .sort({ tenantId: 1, streamId: 1, fromVersion: 1 })
      .explain('executionStats');
    const stats = explained['executionStats'] as { nReturned: number; totalKeysExamined: number };
    expect(JSON.stringify(explained['queryPlanner'])).toContain('outbox_unpublished');
    expect(stats.totalKeysExamined).toBe(stats.nReturned);
    const unpublished = await commits.find({ published: false, streamId }).toArray();
    expect(unpublished.map((commit) => commit.fromVersion)).toEqual([2]);
  });
});
