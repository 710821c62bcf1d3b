import { randomUUID } from 'node:crypto';
import type { ServiceApi } from '@tandem/runtime/testing';
import { waitFor } from '@tandem/testing';
import {
  dayFromToday,
  matchingEvents,
  programKnown,
  relationshipKnown,
  startGoalsApi,
  type ApiClient,
} from './goals-api.test-kit';
import { Clock } from './infrastructure/clock';

/** Matching's relationship events arriving before, after and twice relative to goal commands. */
describe('goals service: relationships known from matching’s events', () => {
  let api: ServiceApi;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  const matching = matchingEvents(tenant);
  let mentee: ApiClient;
  let admin: ApiClient;
  const goalFor = (relationshipId: string, dueInDays = 60) => ({
    relationshipId,
    title: 'Run a retrospective',
    description: 'Facilitate the team retrospective',
    measure: { kind: 'metric', baseline: 0, target: 4, unit: 'retrospectives' },
    relevance: 'facilitation',
    dueDate: dayFromToday(dueInDays),
  });
  const newPair = () => {
    const relationshipId = `r-${randomUUID()}`;
    return { relationshipId, events: matching.relationship(relationshipId, ['mentor-1'], ['mentee-1']) };
  };
  const goalState = async (goalId: string) => (await mentee.get(`/goals/${goalId}`)).body;
  /** What must not depend on delivery order: the goals of a relationship and their figures. */
  const outcome = async (relationshipId: string) =>
    (await mentee.get(`/goals?relationshipId=${relationshipId}`)).body.items.map(
      (g: Record<string, unknown>) => ({
        state: g['state'],
        status: g['status'],
        progress: g['progress'],
        value: g['value'],
        version: g['version'],
      }),
    );

  beforeAll(async () => {
    api = await startGoalsApi();
    mentee = api.as(tenant, 'mentee-1', ['participant']);
    admin = api.as(tenant, 'admin-1', ['program-admin']);
    await api.publish([matching.programCreated()]);
    await programKnown(api, tenant, matching.programId);
  }, 150_000);
  afterAll(() => api.close());

  it('ends in the same state whether "started" comes before or after the first goal command, once or twice', async () => {
    const early = newPair();
    await api.publish([early.events.started()]);
    await relationshipKnown(api, tenant, early.relationshipId, 'active');
    const earlyGoal = (await mentee.post('/goals', goalFor(early.relationshipId))).body.goalId;
    await mentee.post(`/goals/${earlyGoal}/progress`, { value: 2 });
    await api.publish([early.events.ended(), early.events.ended()]);

    const late = newPair();
    const refused = await mentee.post('/goals', goalFor(late.relationshipId));
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 404,
      code: 'relationship-not-found',
    });
    await api.publish([late.events.started(), late.events.started()]);
    await relationshipKnown(api, tenant, late.relationshipId, 'active');
    const lateGoal = (await mentee.post('/goals', goalFor(late.relationshipId))).body.goalId;
    await mentee.post(`/goals/${lateGoal}/progress`, { value: 2 });
    await api.publish([late.events.ended()]);

    for (const goalId of [earlyGoal, lateGoal]) {
      await waitFor(async () => (await goalState(goalId)).state === 'ended-with-relationship', {
        description: `goal ${goalId} closed`,
        timeoutMs: 30_000,
      });
    }
    expect(await outcome(early.relationshipId)).toEqual(await outcome(late.relationshipId));
    expect(await outcome(early.relationshipId)).toEqual([
      {
        state: 'ended-with-relationship',
        status: 'ended-with-relationship',
        progress: 50,
        value: 2,
        version: 3,
      },
    ]);
  }, 90_000);

  it('closes open goals once when "ended" arrives twice, leaves finished ones, and ignores a stale "started" afterwards', async () => {
    const pair = newPair();
    await api.publish([pair.events.started()]);
    await relationshipKnown(api, tenant, pair.relationshipId, 'active');
    const open = (await mentee.post('/goals', goalFor(pair.relationshipId))).body;
    const done = (await mentee.post('/goals', goalFor(pair.relationshipId))).body.goalId;
    expect((await mentee.post(`/goals/${done}/complete`, {})).status).toBe(200);
    const marker = newPair();
    // A stale redelivery of "started" after "ended" must not revive the relationship; the marker tells when all were consumed.
    await api.publish([
      pair.events.ended(),
      pair.events.ended(),
      pair.events.started(),
      marker.events.started(),
    ]);
    await relationshipKnown(api, tenant, marker.relationshipId, 'active');
    await waitFor(async () => (await goalState(open.goalId)).state === 'ended-with-relationship', {
      description: 'open goal closed',
      timeoutMs: 30_000,
    });
    expect((await goalState(open.goalId)).version).toBe(open.version + 1);
    expect(await goalState(done)).toMatchObject({ state: 'completed', version: 2 });
    const afterEnd = await mentee.post('/goals', goalFor(pair.relationshipId));
    expect({ status: afterEnd.status, code: afterEnd.body.code }).toEqual({
      status: 409,
      code: 'relationship-ended',
    });
    expect((await mentee.post(`/goals/${open.goalId}/progress`, { value: 1 })).status).toBe(409);
  }, 90_000);

  it('counts a goal overdue after its due day, but not while its relationship is paused', async () => {
    const pair = newPair();
    await api.publish([pair.events.started()]);
    await relationshipKnown(api, tenant, pair.relationshipId, 'active');
    const { goalId } = (await mentee.post('/goals', goalFor(pair.relationshipId, 5))).body;
    const clock = jest
      .spyOn(api.app.get(Clock), 'now')
      .mockReturnValue(new Date(Date.now() + 10 * 86_400_000).toISOString());
    try {
      expect((await goalState(goalId)).status).toBe('overdue');
      const overdue = await admin.get(`/goals?programId=${matching.programId}&status=overdue`);
      expect(overdue.body.items.map((g: { goalId: string }) => g.goalId)).toContain(goalId);
      await api.publish([pair.events.paused()]);
      await relationshipKnown(api, tenant, pair.relationshipId, 'paused');
      expect((await goalState(goalId)).status).toBe('at-risk');
      const atRisk = await admin.get(`/goals?programId=${matching.programId}&status=at-risk`);
      expect(atRisk.body.items.map((g: { goalId: string }) => g.goalId)).toEqual([goalId]);
      expect((await mentee.post(`/goals/${goalId}/progress`, { value: 1 })).status).toBe(200);
    } finally {
      clock.mockRestore();
    }
  }, 90_000);
});
