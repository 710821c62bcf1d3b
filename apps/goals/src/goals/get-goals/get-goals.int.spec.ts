import { randomUUID } from 'node:crypto';
import type { ServiceApi } from '@tandem/runtime/testing';
import { dayFromToday, metricGoal, startGoalsApiWithPair } from '../../goals-api.test-kit';

/** Reading goals: one goal with its version as ETag, a list walked page by page. */
describe('reading goals', () => {
  let api: ServiceApi;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  const relationshipId = `r-${randomUUID()}`;

  beforeAll(async () => {
    api = await startGoalsApiWithPair(tenant, relationshipId);
  }, 150_000);
  afterAll(() => api.close());

  it('answers a goal with its version as the ETag', async () => {
    const mentee = api.as(tenant, 'mentee-1', ['participant']);
    const { goalId } = (
      await mentee.post('/goals', metricGoal(relationshipId, 'Chair a meeting', 'meetings'))
    ).body;
    await mentee.post(`/goals/${goalId}/progress`, { value: 3 });
    const read = await mentee.get(`/goals/${goalId}`);
    expect(read.body.version).toBe(2);
    expect(read.headers.get('etag')).toBe('"2"');
  });

  it('walks a list in pages by due date: no goal twice, none missing; a foreign cursor is a 400 naming it', async () => {
    const mentee = api.as(tenant, 'mentee-1', ['participant']);
    const set = [];
    for (const days of [40, 10, 30, 20, 50])
      set.push(
        (
          await mentee.post('/goals', {
            ...metricGoal(relationshipId, `Goal in ${days}`, 'talks'),
            dueDate: dayFromToday(days),
          })
        ).body,
      );
    const all = (await mentee.get(`/goals?relationshipId=${relationshipId}`)).body.items as {
      goalId: string;
      dueDate: string;
    }[];
    expect(all.map((g) => g.goalId)).toEqual(expect.arrayContaining(set.map((g) => g.goalId)));
    expect(all.map((g) => g.dueDate)).toEqual([...all.map((g) => g.dueDate)].sort());

    const limit = Math.ceil(all.length / 2);
    const first = await mentee.get(`/goals?relationshipId=${relationshipId}&limit=${limit}`);
    expect(first.body.items).toHaveLength(limit);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await mentee.get(
      `/goals?relationshipId=${relationshipId}&limit=${limit}&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(second.body).not.toHaveProperty('nextCursor');
    const paged = [...first.body.items, ...second.body.items].map((g: { goalId: string }) => g.goalId);
    expect(paged).toEqual(all.map((g) => g.goalId));

    const foreign = await mentee.get(`/goals?relationshipId=${relationshipId}&cursor=not-a-cursor`);
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
    expect((await mentee.get('/goals?limit=501')).status).toBe(400);
  });
});
