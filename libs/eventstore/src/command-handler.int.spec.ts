import { randomUUID } from 'node:crypto';
import type { EventData } from '@tandem/events';
import type { TestDatabase } from '@tandem/testing';
import { handleCommand, type Decider } from './command-handler';
import { ConcurrencyError } from './errors';
import { EventStore } from './event-store';
import { openTestEventStore } from './event-store.test-kit';

type Progress = { type: 'goals.goal.progress-recorded'; data: EventData<'goals.goal.progress-recorded'> };
type State = { readonly total: number };
type AddProgress = { readonly goalId: string; readonly by: number };

// A toy decider: progress only goes up, and never past 100.
const decider: Decider<AddProgress, Progress, State> = {
  initialState: () => ({ total: 0 }),
  evolve: (state, event) => ({ total: event.data.progress }),
  decide: (command, state) => [
    {
      type: 'goals.goal.progress-recorded',
      data: {
        goalId: command.goalId,
        relationshipId: 'r',
        programId: 'p',
        recordedBy: 'u',
        progress: Math.min(100, state.total + command.by),
      },
    },
  ],
};

describe('handleCommand (MongoDB-compatible server)', () => {
  let database: TestDatabase;
  let store: EventStore;

  beforeAll(async () => {
    ({ database, store } = await openTestEventStore('command_handler', '/tandem/goals'));
  });

  afterAll(() => database.close());

  it('folds the stream, decides, appends, and returns the new version', async () => {
    const streamId = `goal-${randomUUID()}`;
    await handleCommand(store, decider, { tenantId: 'acme', streamId, command: { goalId: 'g', by: 30 } });
    const result = await handleCommand(store, decider, {
      tenantId: 'acme',
      streamId,
      command: { goalId: 'g', by: 30 },
    });
    expect(result.version).toBe(2);
    expect(result.state).toEqual({ total: 60 });
    expect(result.events.map((e) => e.data)).toEqual([expect.objectContaining({ progress: 60 })]);
  });

  it('re-reads and re-decides when it loses a race, so concurrent commands all land in order', async () => {
    const streamId = `goal-${randomUUID()}`;
    await Promise.all(
      Array.from({ length: 5 }, () =>
        handleCommand(store, decider, {
          tenantId: 'acme',
          streamId,
          command: { goalId: 'g', by: 10 },
          retries: 10,
        }),
      ),
    );
    const stream = await store.readStream('acme', streamId);
    expect(stream.events.map((e) => (e.data as { progress: number }).progress)).toEqual([10, 20, 30, 40, 50]);
  });

  it('fails with a ConcurrencyError, writing nothing, when the caller saw an older version', async () => {
    const streamId = `goal-${randomUUID()}`;
    await handleCommand(store, decider, { tenantId: 'acme', streamId, command: { goalId: 'g', by: 10 } });
    await expect(
      handleCommand(store, decider, {
        tenantId: 'acme',
        streamId,
        expectedVersion: 0,
        command: { goalId: 'g', by: 10 },
      }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await store.readStream('acme', streamId)).version).toBe(1);
  });

  it('decides a new stream without reading it, and still on the real state should the id exist', async () => {
    const streamId = `goal-${randomUUID()}`;
    const reads = jest.spyOn(store, 'readStream');
    const created = await handleCommand(store, decider, {
      tenantId: 'acme',
      streamId,
      newStream: true,
      command: { goalId: 'g', by: 30 },
    });
    expect(created.version).toBe(1);
    expect(reads).not.toHaveBeenCalled();
    const clash = await handleCommand(store, decider, {
      tenantId: 'acme',
      streamId,
      newStream: true,
      command: { goalId: 'g', by: 30 },
    });
    expect(reads).toHaveBeenCalledTimes(1);
    expect(clash).toMatchObject({ version: 2, state: { total: 60 } });
    reads.mockRestore();
  });

  describe('with the state it last wrote kept in memory', () => {
    /** Another process on the same database: its own store, its own kept states. */
    const otherProcess = () => new EventStore(database.db, { source: '/tandem/goals' });
    // Refuses at exactly 50 ("paused there"): a kept state may refuse what the stream allows.
    const pausingAt50: Decider<AddProgress, Progress, State> = {
      ...decider,
      decide: (command, state) => {
        if (state.total === 50) throw new Error('paused at 50');
        return decider.decide(command, state);
      },
    };
    const add = (on: EventStore, streamId: string, by: number, extra: object = {}) =>
      handleCommand(on, pausingAt50, { tenantId: 'acme', streamId, command: { goalId: 'g', by }, ...extra });

    it('decides on it without reading the stream again', async () => {
      const streamId = `goal-${randomUUID()}`;
      await add(store, streamId, 10, { newStream: true });
      const reads = jest.spyOn(store, 'readStream');
      const second = await add(store, streamId, 10);
      expect(reads).not.toHaveBeenCalled();
      expect(second).toMatchObject({ version: 2, state: { total: 20 } });
      reads.mockRestore();
    });

    it('reads the stream when another process moved it on, and decides on what it finds', async () => {
      const streamId = `goal-${randomUUID()}`;
      await add(store, streamId, 50, { newStream: true }); // kept here at 50, where it refuses
      // 60 now, written under the rule without the pause (as by an admin's override).
      await handleCommand(otherProcess(), decider, {
        tenantId: 'acme',
        streamId,
        command: { goalId: 'g', by: 10 },
      });
      const reads = jest.spyOn(store, 'readStream');
      const result = await add(store, streamId, 10);
      expect(reads).toHaveBeenCalledTimes(1);
      expect(result).toMatchObject({ version: 3, state: { total: 70 } });
      reads.mockRestore();
      const stored = await store.readStream('acme', streamId);
      expect(stored.events.map((e) => (e.data as { progress: number }).progress)).toEqual([50, 60, 70]);
    });

    it('accepts a caller’s version that is newer than the kept one and refuses an older one', async () => {
      const streamId = `goal-${randomUUID()}`;
      await add(store, streamId, 10, { newStream: true });
      await add(otherProcess(), streamId, 10);
      await expect(add(store, streamId, 10, { expectedVersion: 2 })).resolves.toMatchObject({ version: 3 });
      await add(otherProcess(), streamId, 10);
      await expect(add(store, streamId, 10, { expectedVersion: 3 })).rejects.toBeInstanceOf(ConcurrencyError);
      expect((await store.readStream('acme', streamId)).version).toBe(4);
    });
  });
});
