import { randomUUID } from 'node:crypto';
import { EventStore } from '@tandem/eventstore';
import { MongoConnection } from '@tandem/runtime';
import type { ServiceApi } from '@tandem/runtime/testing';
import { metricGoal, startGoalsApiWithPair } from '../../goals-api.test-kit';
import { GoalViewProjection } from './goal-view-projection';

describe('goal read model projection', () => {
  let api: ServiceApi;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  const relationshipId = `r-${randomUUID()}`;

  beforeAll(async () => {
    api = await startGoalsApiWithPair(tenant, relationshipId);
  }, 150_000);
  afterAll(() => api.close());

  it('catches up a version a crashed command never projected, and ignores every event delivered again', async () => {
    const mentee = api.as(tenant, 'mentee-1', ['participant']);
    const { goalId } = (
      await mentee.post('/goals', metricGoal(relationshipId, 'Lead the stand-up', 'stand-ups'))
    ).body;
    const projection = api.app.get(GoalViewProjection);
    // The first update's own projection is lost (a crash after its append).
    jest.spyOn(projection, 'applyAppended').mockResolvedValueOnce(undefined);
    expect((await mentee.post(`/goals/${goalId}/progress`, { value: 2, note: 'Two led' })).status).toBe(200);
    const next = await mentee.post(`/goals/${goalId}/progress`, { value: 5 });
    expect(next.body).toMatchObject({ version: 3, progress: 50 });
    expect(
      next.body.progressNotes.map((n: { progress: number; note?: string }) => [n.progress, n.note]),
    ).toEqual([
      [20, 'Two led'],
      [50, undefined],
    ]);

    const views = api.app.get(MongoConnection).db.collection('goals_v2');
    const before = await views.findOne({ _id: `${tenant}/${goalId}` } as never);
    const { events } = await api.app.get(EventStore).readStream(tenant, `goal-${goalId}`);
    for (const event of [...events, ...events.reverse()]) await projection.apply(event);
    expect(await views.findOne({ _id: `${tenant}/${goalId}` } as never)).toEqual(before);
  });
});
