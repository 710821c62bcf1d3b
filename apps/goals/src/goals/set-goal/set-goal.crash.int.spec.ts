import { randomUUID } from 'node:crypto';
import { EventStore } from '@tandem/eventstore';
import { MongoConnection } from '@tandem/runtime';
import { createApiClient, freezeNext, type ServiceApi } from '@tandem/runtime/testing';
import { waitFor } from '@tandem/testing';
import {
  dayFromToday,
  matchingEvents,
  programKnown,
  relationshipKnown,
  startGoalsApi,
  type ApiClient,
} from '../../goals-api.test-kit';
import { GoalViewProjection } from '../../read-models/goal-view/goal-view-projection';

/**
 * A process killed in the middle of a goal command (kill -9: nothing after that point runs, no
 * cleanup) leaves the goal complete or absent, never an event without its text. The kill is
 * simulated by freezing the next step, then failing it with an error no handler treats as a refusal.
 */
describe('goal commands survive a crash at any point', () => {
  let api: ServiceApi;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  const matching = matchingEvents(tenant);
  const relationshipId = `r-${randomUUID()}`;
  let mentee: ApiClient;
  // The 500 of a simulated kill is no answer of the API: those requests go without the contract check.
  let killedMentee: ApiClient;
  const goal = (title: string) => ({
    relationshipId,
    title,
    description: `Why: ${title}`,
    measure: { kind: 'metric', baseline: 0, target: 10, unit: 'talks' },
    relevance: 'public-speaking',
    dueDate: dayFromToday(30),
  });
  const listed = async () =>
    (await mentee.get(`/goals?relationshipId=${relationshipId}`)).body.items.map(
      (g: { goalId: string }) => g.goalId,
    );
  beforeAll(async () => {
    api = await startGoalsApi();
    mentee = api.as(tenant, 'mentee-1', ['participant']);
    killedMentee = createApiClient(
      api.url,
      'goals',
      'mentee-1',
      api.token(tenant, 'mentee-1', ['participant']),
    );
    const pair = matching.relationship(relationshipId, ['mentor-1'], ['mentee-1']);
    await api.publish([matching.programCreated(), pair.started()]);
    await Promise.all([
      programKnown(api, tenant, matching.programId),
      relationshipKnown(api, tenant, relationshipId, 'active'),
    ]);
  }, 150_000);
  afterAll(() => api.close());

  it('killed after saving the texts, before the append: no goal, and the texts stay invisible', async () => {
    const db = api.app.get(MongoConnection).db;
    const frozen = freezeNext(api.app.get(EventStore), 'append');
    const inFlight = killedMentee.post('/goals', goal('Killed before the append'));
    await frozen.reached();
    const orphan = await db.collection('goal_texts').findOne({ title: 'Killed before the append' });
    expect(orphan).not.toBeNull();
    frozen.kill();
    expect((await inFlight).status).toBe(500);
    const goalId = orphan?.['goalId'] as string;
    expect((await mentee.get(`/goals/${goalId}`)).status).toBe(404);
    expect(await listed()).not.toContain(goalId);
    expect(await db.collection('events').countDocuments({ streamId: `goal-${goalId}` })).toBe(0);
  });

  it('killed after the append, before projecting: the goal appears from the topic with its texts', async () => {
    const frozen = freezeNext(api.app.get(GoalViewProjection), 'applyAppended');
    const inFlight = killedMentee.post('/goals', goal('Killed after the append'));
    await frozen.reached();
    const [, goalId] = frozen.spy.mock.calls[0] as unknown as [string, string];
    frozen.kill();
    expect((await inFlight).status).toBe(500);
    await waitFor(async () => (await mentee.get(`/goals/${goalId}`)).status === 200, {
      timeoutMs: 90_000,
      description: 'goal projected from the topic',
    });
    expect((await mentee.get(`/goals/${goalId}`)).body).toMatchObject({
      title: 'Killed after the append',
      description: 'Why: Killed after the append',
      state: 'open',
      version: 1,
    });
  });

  it('a progress note killed before its append is never shown; the retried update appears once, with its note', async () => {
    const { goalId } = (await mentee.post('/goals', goal('Progress under crashes'))).body;
    const frozen = freezeNext(api.app.get(EventStore), 'append');
    const inFlight = killedMentee.post(`/goals/${goalId}/progress`, { value: 4, note: 'First talk given' });
    await frozen.reached();
    frozen.kill();
    expect((await inFlight).status).toBe(500);
    expect((await mentee.get(`/goals/${goalId}`)).body).toMatchObject({ progress: 0, progressNotes: [] });
    const retried = await mentee.post(`/goals/${goalId}/progress`, { value: 4, note: 'First talk given' });
    expect(retried.status).toBe(200);
    expect(retried.body.progressNotes).toEqual([
      expect.objectContaining({ progress: 40, value: 4, note: 'First talk given', recordedBy: 'mentee-1' }),
    ]);
  });
});
