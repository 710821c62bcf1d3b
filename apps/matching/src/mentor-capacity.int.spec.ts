import { randomUUID } from 'node:crypto';
import { EventStore } from '@tandem/eventstore';
import { MentorCapacity } from './infrastructure/mentor-capacity';
import { startMatchingApi, type ApiClient, type MatchingApi } from './matching-api.test-kit';
import { MentorCapacityPolicy } from './relationships/mentor-capacity-policy/mentor-capacity-policy';

describe('mentor capacity', () => {
  let api: MatchingApi;
  let admin: ApiClient;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    api = await startMatchingApi();
    admin = api.as(tenant, 'admin-1', ['program-admin']);
  });
  afterAll(() => api.close());

  /** An admin-approval program with one mentor of the given capacity and that many admin proposals. */
  async function proposals(capacity: number, count: number) {
    const program = await admin.post('/programs', {
      name: 'Capacity',
      type: 'one-to-one',
      settings: { acceptance: 'admin-approval' },
    });
    const programId = program.body.programId as string;
    await admin.post(`/programs/${programId}/open-enrolment`);
    const mentor = await admin.post(`/programs/${programId}/participants`, {
      userId: 'mentor-1',
      roles: ['mentor'],
      capacity,
    });
    const proposed: { relationshipId: string; status: string }[] = [];
    // Admin proposals while capacity is still free (proposals do not hold capacity).
    for (let i = 0; i < count; i += 1) {
      // New mentees per program: the same two people paired in an earlier program would be refused
      // as previously paired (the rule looks across the tenant's programs).
      const mentee = await admin.post(`/programs/${programId}/participants`, {
        userId: `mentee-${i}-${programId.slice(0, 8)}`,
        roles: ['mentee'],
      });
      const proposal = await admin.post('/relationships', {
        programId,
        mentorId: mentor.body.participantId,
        menteeIds: [mentee.body.participantId],
      });
      proposed.push(proposal.body);
    }
    expect(proposed.every((p) => p.status === 'proposed')).toBe(true);
    return { programId, proposed, scopeId: `${tenant}/program/${programId}/mentor-1` };
  }

  const scope = (scopeId: string) =>
    api.app.get(MentorCapacity).scopes.findOne({ _id: scopeId, tenantId: tenant });

  it('never lets a mentor exceed capacity, however many acceptances race', async () => {
    const { programId, proposed, scopeId } = await proposals(2, 6);
    // All approved at once: exactly two start.
    const answers = await Promise.all(
      proposed.map((p) => admin.post(`/relationships/${p.relationshipId}/accept`)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'mentor-at-capacity')).toBe(
      true,
    );
    const active = (await admin.get(`/relationships?programId=${programId}&status=active`)).body.items;
    expect(active).toHaveLength(2);
    // One document for the scope, holding exactly the two that started, confirmed.
    const held = await scope(scopeId);
    expect(held).toMatchObject({ capacity: 2, used: 2 });
    expect(held?.holders.map((h) => h.relationshipId).sort()).toEqual(
      active.map((a: { relationshipId: string }) => a.relationshipId).sort(),
    );
    expect(held?.holders.every((h) => h.started)).toBe(true);

    // Ending one frees exactly its slot for a waiting proposal.
    await admin.post(`/relationships/${active[0].relationshipId}/end`, { reason: 'goals-achieved' });
    expect(await scope(scopeId)).toMatchObject({ used: 1 });
    const waiting = proposed.filter(
      (p) => !active.some((a: { relationshipId: string }) => a.relationshipId === p.relationshipId),
    );
    expect((await admin.post(`/relationships/${waiting[0]!.relationshipId}/accept`)).body.status).toBe(
      'active',
    );
    expect((await admin.post(`/relationships/${waiting[1]!.relationshipId}/accept`)).status).toBe(409);
    expect(await scope(scopeId)).toMatchObject({ used: 2 });
  });

  it('lets every acceptance through when there is room, also the first ones racing for a new scope', async () => {
    const { proposed, scopeId } = await proposals(8, 8);
    const answers = await Promise.all(
      proposed.map((p) => admin.post(`/relationships/${p.relationshipId}/accept`)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(await scope(scopeId)).toMatchObject({ capacity: 8, used: 8 });
  });

  it('releases a claim whose request died before its append, once the claim timeout has passed', async () => {
    const { proposed, scopeId, programId } = await proposals(1, 2);
    const [crashed, other] = proposed as [(typeof proposed)[number], (typeof proposed)[number]];
    const capacity = api.app.get(MentorCapacity);
    const limits = [{ scope: `program/${programId}/mentor-1`, capacity: 1, units: 1 }];
    // The request that claimed for `crashed` died before appending `started`; its retry claimed again.
    await capacity.claim(tenant, crashed.relationshipId, limits);
    await capacity.claim(tenant, crashed.relationshipId, limits);
    expect(await scope(scopeId)).toMatchObject({
      used: 1,
      holders: [expect.objectContaining({ started: false })],
    });
    expect((await admin.post(`/relationships/${other.relationshipId}/accept`)).body.code).toBe(
      'mentor-at-capacity',
    );

    const policy = api.app.get(MentorCapacityPolicy);
    expect(await policy.sweep(new Date())).toBe(0); // a request may still be under way
    expect(await policy.sweep(new Date(Date.now() + 11 * 60_000))).toBe(1);
    expect(await scope(scopeId)).toMatchObject({ used: 0, holders: [] });
    expect((await admin.post(`/relationships/${other.relationshipId}/accept`)).body.status).toBe('active');
    expect(await policy.sweep(new Date(Date.now() + 11 * 60_000))).toBe(0); // a started hold stays
    expect(await scope(scopeId)).toMatchObject({
      used: 1,
      holders: [expect.objectContaining({ relationshipId: other.relationshipId, started: true })],
    });
  });

  it('confirms and releases from redelivered relationship events exactly once, and rebuilds lost holds', async () => {
    const { proposed, scopeId } = await proposals(3, 2);
    for (const p of proposed) await admin.post(`/relationships/${p.relationshipId}/accept`);
    const [ended] = proposed;
    await admin.post(`/relationships/${ended!.relationshipId}/end`, { reason: 'other' });
    const stream = await api.app.get(EventStore).readStream(tenant, `relationship-${ended!.relationshipId}`);
    const policy = api.app.get(MentorCapacityPolicy);
    // The topic delivers what the requests already did, twice: nothing changes.
    for (let delivery = 0; delivery < 2; delivery += 1)
      for (const event of stream.events) await policy.handle(event);
    const running = [expect.objectContaining({ relationshipId: proposed[1]!.relationshipId, started: true })];
    expect(await scope(scopeId)).toMatchObject({ used: 1, holders: running });

    // Holds lost (or kept before this collection existed): a replay of the topic holds the running one again.
    await api.app.get(MentorCapacity).scopes.deleteOne({ _id: scopeId, tenantId: tenant });
    for (const { relationshipId } of proposed) {
      const events = (await api.app.get(EventStore).readStream(tenant, `relationship-${relationshipId}`))
        .events;
      for (const event of events) await policy.handle(event);
    }
    expect(await scope(scopeId)).toMatchObject({ used: 1, holders: running });
  });
});
