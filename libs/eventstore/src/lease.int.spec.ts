import { randomUUID } from 'node:crypto';
import { connectTestDatabase, type TestDatabase } from '@tandem/testing';
import { Lease } from './lease';
import { eventStoreCollections, type LeaseDocument } from './storage';
import type { Collection } from 'mongodb';

describe('Lease (MongoDB-compatible server)', () => {
  let database: TestDatabase;
  let leases: Collection<LeaseDocument>;

  beforeAll(async () => {
    database = await connectTestDatabase('lease');
    leases = eventStoreCollections(database.db).leases;
  });

  afterAll(() => database.close());

  it('grants a free lease to exactly one of many simultaneous candidates', async () => {
    const name = randomUUID();
    const candidates = Array.from({ length: 10 }, (_, i) => new Lease(leases, name, `relay-${i}`, 5_000));
    const won = await Promise.all(candidates.map((c) => c.acquireOrRenew()));
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(candidates.filter((c) => c.fencingToken !== undefined).map((c) => c.fencingToken)).toEqual([1]);
  });

  it('keeps the lease with its renewing holder, then hands it on with a higher fencing token', async () => {
    const name = randomUUID();
    let clock = new Date('2026-11-22T10:00:00Z');
    const now = () => clock;
    const holder = new Lease(leases, name, 'holder', 1_000, now);
    const standby = new Lease(leases, name, 'standby', 1_000, now);
    expect(await holder.acquireOrRenew()).toBe(true);

    clock = new Date(clock.getTime() + 800);
    expect(await holder.acquireOrRenew()).toBe(true);
    clock = new Date(clock.getTime() + 800);
    expect(await standby.acquireOrRenew()).toBe(false);

    clock = new Date(clock.getTime() + 1_500); // the holder stopped renewing
    expect(await standby.acquireOrRenew()).toBe(true);
    expect(standby.fencingToken).toBe(2);
    expect(await holder.acquireOrRenew()).toBe(false);
    expect(holder.fencingToken).toBeUndefined();
  });

  it('is free at once after release', async () => {
    const name = randomUUID();
    const first = new Lease(leases, name, 'first', 60_000);
    const second = new Lease(leases, name, 'second', 60_000);
    expect(await first.acquireOrRenew()).toBe(true);
    expect(await second.acquireOrRenew()).toBe(false);
    await first.release();
    expect(await second.acquireOrRenew()).toBe(true);
  });

  it('writes a renewal only once less than half the TTL is left', async () => {
    const name = randomUUID();
    let clock = new Date('2026-11-30T10:00:00Z');
    const holder = new Lease(leases, name, 'holder', 1_000, () => clock);
    expect(await holder.acquireOrRenew()).toBe(true);
    const writes = jest.spyOn(leases, 'updateOne');
    clock = new Date(clock.getTime() + 400);
    expect(await holder.acquireOrRenew()).toBe(true);
    expect(writes).not.toHaveBeenCalled();
    clock = new Date(clock.getTime() + 200);
    expect(await holder.acquireOrRenew()).toBe(true);
    expect(writes).toHaveBeenCalledTimes(1);
    writes.mockRestore();
    expect((await leases.findOne({ _id: name }))?.expiresAt).toEqual(new Date(clock.getTime() + 1_000));
  });
});
