import { randomUUID } from 'node:crypto';
import { MongoConnection } from '@tandem/runtime';
import type { ServiceApi } from '@tandem/runtime/testing';
import {
  dayFromToday,
  eventsOf,
  matchingEvents,
  programKnown,
  relationshipKnown,
  startGoalsApi,
  type ApiClient,
} from './goals-api.test-kit';

/** The main flow: relationships learned from matching's events, a goal's life, its end with the relationship. */
describe('goals service: a goal from setting to completion', () => {
  let api: ServiceApi;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  const matching = matchingEvents(tenant);
  const relationshipId = `r-${randomUUID()}`;
  const pair = matching.relationship(relationshipId, ['mentor-1'], ['mentee-1']);
  let mentee: ApiClient;
  let mentor: ApiClient;
  let admin: ApiClient;
  const smartGoal = () => ({
    relationshipId,
    title: 'Speak at team meetings',
    description: 'Present a topic at the weekly team meeting',
    measure: { kind: 'metric', baseline: 2, target: 10, unit: 'talks' },
    relevance: 'public-speaking',
    dueDate: dayFromToday(60),
    horizon: 'short-term',
    milestones: [{ title: 'Pick a first topic', dueDate: dayFromToday(10) }],
  });

  beforeAll(async () => {
    api = await startGoalsApi();
    mentee = api.as(tenant, 'mentee-1', ['participant']);
    mentor = api.as(tenant, 'mentor-1', ['participant']);
    admin = api.as(tenant, 'admin-1', ['program-admin']);
    await api.publish([matching.programCreated(), pair.started()]);
    await Promise.all([
      programKnown(api, tenant, matching.programId),
      relationshipKnown(api, tenant, relationshipId, 'active'),
    ]);
  }, 150_000);
  afterAll(() => api.close());

  it('sets a SMART goal owned by the mentee, readable by both parties, figures only for the admin', async () => {
    const created = await mentee.post('/goals', smartGoal());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ownerId: 'mentee-1',
      status: 'on-track',
      state: 'open',
      progress: 0,
      milestonesTotal: 1,
      description: expect.any(String),
    });
    const { goalId } = created.body;
    const asMentor = await mentor.get(`/goals/${goalId}`);
    expect(asMentor.body).toMatchObject({
      title: 'Speak at team meetings',
      milestones: [expect.objectContaining({ title: 'Pick a first topic' })],
    });
    const asAdmin = await admin.get(`/goals/${goalId}`);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body).toMatchObject({ goalId, status: 'on-track', progress: 0 });
    expect(asAdmin.body).not.toHaveProperty('description');
    expect(asAdmin.body).not.toHaveProperty('progressNotes');
    await api.waitForEvents(() => eventsOf(api, goalId, 'goals.goal.set').length === 1);
    const [set] = eventsOf(api, goalId, 'goals.goal.set');
    expect(JSON.stringify(set?.data)).not.toMatch(/Speak at|weekly team/);
    expect(set?.data).toMatchObject({
      measure: { kind: 'metric', baseline: 2, target: 10, unit: 'talks' },
      horizon: 'short-term',
      category: 'public-speaking',
    });
  });

  it('records progress, milestones and revisions with their history, then completes as an achievement', async () => {
    const { goalId, milestones } = (await mentee.post('/goals', smartGoal())).body;
    const progress = await mentor.post(`/goals/${goalId}/progress`, {
      value: 6,
      note: 'Two talks done, great feedback',
    });
    expect(progress.body).toMatchObject({
      progress: 50,
      value: 6,
      progressNotes: [expect.objectContaining({ note: 'Two talks done, great feedback', progress: 50 })],
    });
    expect((await admin.get(`/goals/${goalId}`)).body).toMatchObject({ progress: 50 });
    const completedMilestone = await mentee.post(
      `/goals/${goalId}/milestones/${milestones[0].milestoneId}/complete`,
      {},
    );
    expect(completedMilestone.body.milestones[0]).toMatchObject({
      completedBy: 'mentee-1',
      completedAt: expect.any(String),
    });
    expect(
      (await mentee.post(`/goals/${goalId}/milestones`, { title: 'Give the talk at the all-hands' })).status,
    ).toBe(201);
    const revised = await mentee.post(`/goals/${goalId}/revise`, {
      reason: 'scope-grew',
      title: 'Speak at team and all-hands meetings',
      dueDate: dayFromToday(90),
    });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({
      title: 'Speak at team and all-hands meetings',
      dueDate: dayFromToday(90),
      revisions: 1,
      revisionHistory: [
        expect.objectContaining({
          reason: 'scope-grew',
          changedFields: ['title', 'dueDate'],
          previous: { title: 'Speak at team meetings' },
        }),
      ],
    });
    const stale = await mentor.post(
      `/goals/${goalId}/revise`,
      { reason: 'typo', title: 'Stale edit' },
      { 'If-Match': '"1"' },
    );
    expect({ status: stale.status, code: stale.body.code }).toEqual({
      status: 412,
      code: 'concurrency-conflict',
    });
    const completed = await mentee.post(`/goals/${goalId}/complete`, {});
    expect(completed.body).toMatchObject({ state: 'completed', status: 'completed', progress: 100 });
    await api.waitForEvents(() => eventsOf(api, goalId, 'goals.goal.completed').length === 1);
    expect(eventsOf(api, goalId, 'goals.goal.completed')[0]?.data).toMatchObject({
      daysTaken: 0,
      milestonesCompleted: 1,
      milestonesTotal: 2,
      completedBy: 'mentee-1',
    });
    expect(eventsOf(api, goalId, 'goals.goal.revised')[0]?.data).toMatchObject({
      reason: 'scope-grew',
      changedFields: ['target-date', 'title'],
    });
  });

  it('refuses bad input with 400/409 and a clear code, writing nothing', async () => {
    const { goalId } = (await mentee.post('/goals', smartGoal())).body;
    await mentee.post(`/goals/${goalId}/complete`, {});
    await api.waitForEvents(() => eventsOf(api, goalId, 'goals.goal.completed').length === 1);
    const before = api.events.length;
    const stored = api.app.get(MongoConnection).db.collection('events');
    const storedBefore = await stored.countDocuments();
    const refusals = [
      [await mentee.post('/goals', { ...smartGoal(), dueDate: dayFromToday(-1) }), 400, 'due-date-in-past'],
      [
        await mentee.post('/goals', {
          ...smartGoal(),
          measure: { kind: 'metric', baseline: 5, target: 5, unit: 'talks' },
        }),
        400,
        'target-equals-baseline',
      ],
      [
        await mentee.post('/goals', { ...smartGoal(), templateId: 'no-such-template' }),
        400,
        'unknown-template',
      ],
      [await mentee.post(`/goals/${goalId}/progress`, { value: 7 }), 409, 'goal-not-open'],
    ] as const;
    for (const [response, status, code] of refusals) {
      expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
      expect(response.body.detail).toEqual(expect.any(String));
    }
    const { title: _title, ...untitled } = smartGoal();
    const missing = await mentee.post('/goals', untitled);
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([
      { path: 'title', code: 'invalid', message: 'is required without a template' },
    ]);
    expect(await stored.countDocuments()).toBe(storedBefore);
    const goals = await mentee.get(`/goals?relationshipId=${relationshipId}`);
    expect(goals.body.items.filter((g: { goalId: string }) => g.goalId === goalId)[0]).toMatchObject({
      progressNotes: [],
    });
    // Nothing new reached the topic: wait for a marker event written after the refusals.
    const marker = (await mentee.post('/goals', smartGoal())).body.goalId;
    await api.waitForEvents(() => eventsOf(api, marker, 'goals.goal.set').length === 1);
    const written = api.events.slice(before).map((e) => (e.data as { goalId: string }).goalId);
    expect(new Set(written)).toEqual(new Set([marker]));
  });

  it('instantiates a program admin’s template, adjusting it', async () => {
    const template = await admin.post('/goal-templates', {
      programId: matching.programId,
      title: 'Lead a small project',
      competency: 'leadership',
      suggestedMeasure: { kind: 'milestones' },
      milestones: [{ title: 'Find a sponsor' }, { title: 'Plan the project' }],
    });
    expect(template.status).toBe(201);
    expect((await mentee.get(`/goal-templates?programId=${matching.programId}`)).body.items).toEqual([
      expect.objectContaining({ templateId: template.body.templateId }),
    ]);
    const goal = await mentee.post('/goals', {
      relationshipId,
      templateId: template.body.templateId,
      dueDate: dayFromToday(120),
      horizon: 'long-term',
    });
    expect(goal.status).toBe(201);
    expect(goal.body).toMatchObject({
      title: 'Lead a small project',
      category: 'leadership',
      horizon: 'long-term',
      templateId: template.body.templateId,
      measure: { kind: 'milestones' },
      milestones: [
        expect.objectContaining({ title: 'Find a sponsor' }),
        expect.objectContaining({ title: 'Plan the project' }),
      ],
    });
    const abandoned = await mentor.post(`/goals/${goal.body.goalId}/abandon`, {
      reason: 'priorities-changed',
    });
    expect(abandoned.body).toMatchObject({
      state: 'abandoned',
      status: 'abandoned',
      abandonReason: 'priorities-changed',
    });
    expect(
      (
        await mentee.post('/goal-templates', {
          programId: matching.programId,
          title: 'x',
          competency: 'x',
          suggestedMeasure: { kind: 'milestones' },
        })
      ).status,
    ).toBe(403);
  });

  it('lists goals by relationship, participant and program (admins), and the at-risk ones by derived status', async () => {
    const byRelationship = await mentor.get(`/goals?relationshipId=${relationshipId}`);
    expect(byRelationship.body.items.length).toBeGreaterThanOrEqual(4);
    const mine = await mentee.get('/goals');
    expect(mine.body.items.map((g: { goalId: string }) => g.goalId).sort()).toEqual(
      byRelationship.body.items.map((g: { goalId: string }) => g.goalId).sort(),
    );
    const ofProgram = await admin.get(`/goals?programId=${matching.programId}`);
    expect(ofProgram.body.items).toHaveLength(byRelationship.body.items.length);
    expect(ofProgram.body.items[0]).not.toHaveProperty('description');
    expect((await mentee.get(`/goals?programId=${matching.programId}`)).status).toBe(403);
    expect((await admin.get(`/goals?programId=${matching.programId}&status=at-risk`)).body.items).toEqual([]);
  });
});
