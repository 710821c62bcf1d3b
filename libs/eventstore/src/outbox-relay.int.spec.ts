import { PublisherFencedError } from '@tandem/messaging';
import { connectTestDatabase, waitFor, type TestDatabase } from '@tandem/testing';
import { createRelayKit, newStreamId, progressRecorded, type RelayKit } from './outbox-relay.test-kit';

describe('OutboxRelay (real Kafka and MongoDB-compatible server)', () => {
  let database: TestDatabase;
  let kit: RelayKit;

  beforeEach(async () => {
    database = await connectTestDatabase('relay');
    kit = await createRelayKit(database);
  });

  afterEach(async () => {
    await kit.close();
    await database.close();
  });

  async function appendRounds(streams: string[], rounds: number, firstValue = 0): Promise<void> {
    for (let round = 0; round < rounds; round += 1) {
      await Promise.all(
        streams.map(async (s) => {
          const { version } = await kit.store.readStream('acme', s);
          await kit.store.append('acme', s, version, [progressRecorded(firstValue + round)]);
        }),
      );
    }
  }

  it('publishes every appended event once, in stream order, and empties its backlog', async () => {
    const streams = [newStreamId(), newStreamId(), newStreamId()];
    await appendRounds(streams, 4);
    const relay = kit.relay();
    expect((await relay.stats()).backlog).toBe(12);
    relay.start();
    await kit.startConsumer();

    await kit.waitForProjected(Object.fromEntries(streams.map((s) => [s, 4])));
    for (const s of streams) expect(await kit.projected(s)).toEqual([0, 1, 2, 3]);
    expect(kit.deliveries).toHaveLength(12);
    await waitFor(async () => (await relay.stats()).backlog === 0, { description: 'an empty outbox' });
  });

  it('re-publishes after a crash between Kafka ack and marking, and the projection applies each event once', async () => {
    const streams = [newStreamId(), newStreamId()];
    await appendRounds(streams, 3);
    const killed = kit.relay({
      afterPublish: async () => {
        throw new Error('killed after Kafka acknowledged');
      },
    });
    await expect(killed.runOnce()).rejects.toThrow('killed after Kafka acknowledged');
    await killed.crash();
    expect((await killed.stats()).backlog).toBe(6);

    // A new process: it must wait for the dead relay's lease to expire, then publishes again.
    const restarted = kit.relay();
    restarted.start();
    await kit.startConsumer();
    await waitFor(() => kit.deliveries.length >= 12, { description: '12 deliveries (6 events, twice)' });
    await waitFor(async () => (await restarted.stats()).backlog === 0, { description: 'an empty outbox' });

    for (const s of streams) expect(await kit.projected(s)).toEqual([0, 1, 2]);
    const perEvent = new Map<string, number>();
    for (const e of kit.deliveries) perEvent.set(e.metadata.id, (perEvent.get(e.metadata.id) ?? 0) + 1);
    expect([...perEvent.values()]).toEqual([2, 2, 2, 2, 2, 2]);
  });

  it('lets only one of two relays publish, and the other take over when it dies', async () => {
    const [first, second] = [kit.relay(), kit.relay()];
    first.start();
    second.start();
    await kit.startConsumer();
    const stream = newStreamId();
    await appendRounds([stream], 5);
    await kit.waitForProjected({ [stream]: 5 });

    const stats = await Promise.all([first.stats(), second.stats()]);
    expect(stats.filter((s) => s.leader)).toHaveLength(1);
    expect(stats.filter((s) => s.publishedEvents > 0)).toHaveLength(1);
    const [leader, standby] = stats[0]!.leader ? [first, second] : [second, first];

    await leader.crash();
    await appendRounds([stream], 5, 5);
    await kit.waitForProjected({ [stream]: 10 });
    expect(await kit.projected(stream)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect((await standby.stats()).leader).toBe(true);
    expect(kit.deliveries).toHaveLength(10);
  });

  it('fences a relay that paused past its lease: it cannot publish after the new one took over', async () => {
    const stream = newStreamId();
    const gate: { paused?: Promise<void>; resume?: () => void } = {};
    const zombie = kit.relay({ beforePublish: async () => gate.paused });
    await appendRounds([stream], 1);
    await zombie.runOnce();

    gate.paused = new Promise((resolve) => (gate.resume = resolve));
    await appendRounds([stream], 2, 1);
    const zombieRound = zombie.runOnce();
    // The zombie holds a batch and waits; its lease runs out and a successor takes over.
    const successor = kit.relay();
    await waitFor(async () => (await successor.runOnce()).published === 2, {
      description: 'the successor to publish',
    });

    gate.resume?.();
    await expect(zombieRound).rejects.toBeInstanceOf(PublisherFencedError);
    await kit.startConsumer();
    await kit.waitForProjected({ [stream]: 3 });
    expect(await kit.projected(stream)).toEqual([0, 1, 2]);
    expect(kit.deliveries.map((e) => e.metadata.streamVersion)).toEqual([1, 2, 3]);
  });
});
