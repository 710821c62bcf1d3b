import { randomUUID } from 'node:crypto';
import type { TandemEvent } from '@tandem/events';
import type { TestDatabase } from '@tandem/testing';
import { EventStore } from './event-store';
import { openTestEventStore } from './event-store.test-kit';
import { Sequencer } from './sequencer';

const held = (n: number): TandemEvent => ({
  type: 'sessions.session.held',
  data: { sessionId: `s-${n}`, relationshipId: 'r', programId: 'p', kind: 'meeting', heldAt: '2026-11-22T10:00:00Z', durationMinutes: 30, attendeeIds: ['u1'] },
});

describe('Sequencer (MongoDB-compatible server)', () => {
  let database: TestDatabase;
  let store: EventStore;

  beforeEach(async () => {
    ({ database, store } = await openTestEventStore('sequencer', '/tandem/sessions'));
  });

  afterEach(() => database.close());

  it('gives positions 1..N without gaps or duplicates while several sequencers race and appends continue', async () => {
    const streams = Array.from({ length: 6 }, () => `session-${randomUUID()}`);
    const versions = new Map(streams.map((s) => [s, 0]));
    const appendSome = async (round: number) => {
      for (const s of streams) {
        const count = 1 + ((round + s.length) % 3);
        await store.append('acme', s, versions.get(s)!, Array.from({ length: count }, (_, i) => held(round * 10 + i)));
        versions.set(s, versions.get(s)! + count);
      }
    };
    const sequencers = [new Sequencer(store.collections), new Sequencer(store.collections), new Sequencer(store.collections)];
    for (let round = 0; round < 4; round += 1) {
      await Promise.all([appendSome(round), ...sequencers.map((s) => s.sequence(7))]);
    }
    while ((await Promise.all(sequencers.map((s) => s.sequence()))).some((n) => n > 0));

    const total = [...versions.values()].reduce((a, b) => a + b, 0);
    const all = await store.readAll(1, 10_000);
    expect(all.map((e) => e.position)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    for (const s of streams) {
      const streamVersions = all.filter((e) => e.event.metadata.streamId === s).map((e) => e.event.metadata.streamVersion);
      expect(streamVersions).toEqual(Array.from({ length: versions.get(s)! }, (_, i) => i + 1));
    }
  });

  it('finishes an assignment that a crash cut short, without a gap', async () => {
    const stream = `session-${randomUUID()}`;
    await store.append('acme', stream, 0, [held(1), held(2)]);
    const [commit] = await store.collections.commits.find().toArray();
    // The crash: position 1 taken in the ledger, the commit never updated.
    await store.collections.positions.insertOne({ _id: 1, commitId: commit!._id, count: 2 });
    await store.append('acme', stream, 2, [held(3)]);

    await new Sequencer(store.collections).sequence();
    expect((await store.readAll(1)).map((e) => [e.position, e.event.metadata.streamVersion])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });
});
