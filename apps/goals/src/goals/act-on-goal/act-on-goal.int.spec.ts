import { randomUUID } from 'node:crypto';
import type { ServiceApi } from '@tandem/runtime/testing';
import { waitFor } from '@tandem/testing';
import { metricGoal, startGoalsApiWithPair } from '../../goals-api.test-kit';
import { GoalViewProjection } from '../../read-models/goal-view/goal-view-projection';

/**
 * A command answers from the goal and texts it read for its access check, projected onto without
 * reading them again; when another command overtook it, its answer still shows that one's text.
 */
describe('acting on a goal', () => {
  let api: ServiceApi;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  const relationshipId = `r-${randomUUID()}`;

  beforeAll(async () => {
    api = await startGoalsApiWithPair(tenant, relationshipId);
  }, 150_000);
  afterAll(() => api.close());

  it('answers like a fresh read when another command with a note was projected before it', async () => {
    const mentee = api.as(tenant, 'mentee-1', ['participant']);
    const { goalId } = (await mentee.post('/goals', metricGoal(relationshipId, 'Run the retro', 'retros')))
      .body;
    // The first command is held after its append, with the goal and texts it read before.
    const projection = api.app.get(GoalViewProjection);
    const project = projection.applyAppended.bind(projection);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reached = false;
    jest.spyOn(projection, 'applyAppended').mockImplementationOnce(async (...args) => {
      reached = true;
      await held;
      return project(...args);
    });
    const first = mentee.post(`/goals/${goalId}/progress`, { value: 2 });
    await waitFor(() => reached, { description: 'first command appended, holding before its projection' });
    const second = await mentee.post(`/goals/${goalId}/progress`, { value: 5, note: 'Overtook' });
    expect(second.status).toBe(200);
    release();

    const answered = await first;
    expect(answered.status).toBe(200);
    expect(answered.body.progressNotes).toEqual([
      expect.objectContaining({ progress: 20 }),
      expect.objectContaining({ progress: 50, note: 'Overtook' }),
    ]);
    expect(answered.body).toEqual((await mentee.get(`/goals/${goalId}`)).body);
  });

  it('answers each command with the goal’s version as ETag, and refuses a stale If-Match with 412, changing nothing', async () => {
    const mentee = api.as(tenant, 'mentee-1', ['participant']);
    const { goalId } = (await mentee.post('/goals', metricGoal(relationshipId, 'Pair weekly', 'pairings')))
      .body;
    const progressed = await mentee.post(`/goals/${goalId}/progress`, { value: 4 }, { 'If-Match': '"1"' });
    expect(progressed.status).toBe(200);
    expect(progressed.body.version).toBe(2);
    expect(progressed.headers.get('etag')).toBe('"2"');
    const before = (await mentee.get(`/goals/${goalId}`)).body;

    const stale = [
      await mentee.post(`/goals/${goalId}/progress`, { value: 9 }, { 'If-Match': '"1"' }),
      await mentee.post(`/goals/${goalId}/milestones`, { title: 'Late' }, { 'If-Match': '"1"' }),
      await mentee.post(`/goals/${goalId}/complete`, {}, { 'If-Match': '"1"' }),
      await mentee.post(`/goals/${goalId}/abandon`, { reason: 'too-late' }, { 'If-Match': '"1"' }),
    ];
    expect(stale.map((response) => response.status)).toEqual([412, 412, 412, 412]);
    expect((await mentee.get(`/goals/${goalId}`)).body).toEqual(before);

    const current = await mentee.post(`/goals/${goalId}/complete`, {}, { 'If-Match': '"2"' });
    expect({ status: current.status, etag: current.headers.get('etag') }).toEqual({
      status: 200,
      etag: '"3"',
    });
  });
});
