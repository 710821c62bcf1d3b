import { randomUUID } from 'node:crypto';
import type { ServiceApi } from '@tandem/runtime/testing';
import {
  dayFromToday,
  matchingEvents,
  programKnown,
  relationshipKnown,
  startGoalsApi,
  type ApiClient,
} from '../goals-api.test-kit';

/**
 * The GDPR export of one person: A owns a goal (on which A's mentor also writes) and mentors B,
 * writing on B's goal. A's export holds A's own texts and A's entries on B's goal, and none of the
 * free text B or A's mentor wrote.
 */
describe('goals service: a person’s personal data export', () => {
  let api: ServiceApi;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  const otherTenant = `globex-${randomUUID().slice(0, 8)}`;
  const matching = matchingEvents(tenant, `p-${randomUUID()}`, ['admin-1']);
  // Ids in order, so the export's relationships (by id) come in a known order.
  const aIsMentee = `r-1-${randomUUID()}`;
  const aIsMentor = `r-2-${randomUUID()}`;
  const exportOf = (userId: string) => `/people/${userId}/personal-data`;
  let personA: ApiClient;
  let personB: ApiClient;
  let mentorOfA: ApiClient;
  let aGoalId: string;
  let bGoalId: string;
  let bMilestoneId: string;
  let templateId: string;

  const aTexts = ['A-OWN-TITLE', 'A-OWN-DESCRIPTION', 'A-OWN-MILESTONE', 'A-OWN-NOTE', 'A-OWN-COMMENT'];
  const aEntryTexts = ['A-NOTE-ON-B-GOAL', 'A-COMMENT-ON-B-GOAL'];
  const bTexts = ['B-SECRET-TITLE', 'B-SECRET-DESCRIPTION', 'B-SECRET-MILESTONE', 'B-SECRET-NOTE'];
  const mentorTexts = ['MENTOR-NOTE-ON-A-GOAL', 'MENTOR-COMMENT-ON-A-GOAL'];
  const goalBody = (relationshipId: string, prefix: string) => ({
    relationshipId,
    title: `${prefix}-TITLE`,
    description: `${prefix}-DESCRIPTION`,
    measure: { kind: 'milestones' },
    relevance: 'leadership',
    dueDate: dayFromToday(30),
    milestones: [{ title: `${prefix}-MILESTONE` }],
  });

  beforeAll(async () => {
    api = await startGoalsApi();
    personA = api.as(tenant, 'person-a', ['participant']);
    personB = api.as(tenant, 'person-b', ['participant']);
    mentorOfA = api.as(tenant, 'mentor-m', ['participant']);
    await api.publish([
      matching.programCreated(),
      matching.relationship(aIsMentee, ['mentor-m'], ['person-a']).started(),
      matching.relationship(aIsMentor, ['person-a'], ['person-b']).started(),
    ]);
    await Promise.all([
      programKnown(api, tenant, matching.programId),
      relationshipKnown(api, tenant, aIsMentee, 'active'),
      relationshipKnown(api, tenant, aIsMentor, 'active'),
    ]);

    const aGoal = await personA.post('/goals', goalBody(aIsMentee, 'A-OWN'));
    expect(aGoal.status).toBe(201);
    aGoalId = aGoal.body.goalId;
    const ok = (response: { status: number }) => expect(response.status).toBeLessThan(300);
    ok(await personA.post(`/goals/${aGoalId}/progress`, { percent: 10, note: 'A-OWN-NOTE' }));
    ok(await mentorOfA.post(`/goals/${aGoalId}/progress`, { percent: 20, note: 'MENTOR-NOTE-ON-A-GOAL' }));
    ok(
      await mentorOfA.post(`/goals/${aGoalId}/revise`, {
        reason: 'scope-grew',
        comment: 'MENTOR-COMMENT-ON-A-GOAL',
        dueDate: dayFromToday(40),
      }),
    );
    ok(
      await personA.post(`/goals/${aGoalId}/revise`, {
        reason: 'scope-grew',
        comment: 'A-OWN-COMMENT',
        dueDate: dayFromToday(45),
      }),
    );

    const bGoal = await personB.post('/goals', goalBody(aIsMentor, 'B-SECRET'));
    expect(bGoal.status).toBe(201);
    bGoalId = bGoal.body.goalId;
    bMilestoneId = bGoal.body.milestones[0].milestoneId;
    ok(await personB.post(`/goals/${bGoalId}/progress`, { percent: 5, note: 'B-SECRET-NOTE' }));
    ok(await personA.post(`/goals/${bGoalId}/progress`, { percent: 30, note: 'A-NOTE-ON-B-GOAL' }));
    ok(
      await personA.post(`/goals/${bGoalId}/revise`, {
        reason: 'scope-grew',
        comment: 'A-COMMENT-ON-B-GOAL',
        dueDate: dayFromToday(50),
      }),
    );
    ok(await personA.post(`/goals/${bGoalId}/milestones/${bMilestoneId}/complete`, {}));

    const template = await api.as(tenant, 'admin-1', ['program-admin']).post('/goal-templates', {
      programId: matching.programId,
      title: 'ADMIN-TEMPLATE-TITLE',
      competency: 'leadership',
      suggestedMeasure: { kind: 'milestones' },
    });
    expect(template.status).toBe(201);
    templateId = template.body.templateId;
  }, 150_000);
  afterAll(() => api.close());

  it('holds the free text the negative checks look for: B’s texts on B’s goal, the mentor’s on A’s goal', async () => {
    // Without these the "contains none of" checks below could pass on data that was never written.
    const bGoal = JSON.stringify((await personB.get(`/goals/${bGoalId}`)).body);
    for (const text of [...bTexts, ...aEntryTexts]) expect(bGoal).toContain(text);
    const aGoal = JSON.stringify((await personA.get(`/goals/${aGoalId}`)).body);
    for (const text of mentorTexts) expect(aGoal).toContain(text);
  });

  it('gives A, and a platform admin of the tenant, A’s goals and A’s entries on B’s goal, none of B’s or the mentor’s text', async () => {
    const asA = await personA.get(exportOf('person-a'));
    expect(asA.status).toBe(200);
    const asAdmin = await api.as(tenant, 'privacy-officer', ['platform-admin']).get(exportOf('person-a'));
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body).toEqual(asA.body);

    const exported = asA.body;
    expect(exported).toMatchObject({ service: 'goals', userId: 'person-a' });
    const json = JSON.stringify(exported);
    for (const text of [...aTexts, ...aEntryTexts]) expect(json).toContain(text);
    for (const text of [...bTexts, ...mentorTexts]) expect(json).not.toContain(text);

    expect(exported.goals).toHaveLength(1);
    const [goal] = exported.goals;
    expect(goal).toMatchObject({
      goalId: aGoalId,
      relationshipId: aIsMentee,
      programId: matching.programId,
      ownerId: 'person-a',
      title: 'A-OWN-TITLE',
      description: 'A-OWN-DESCRIPTION',
      category: 'leadership',
      measure: { kind: 'milestones' },
      dueDate: dayFromToday(45),
      state: 'open',
      progress: 20,
      revisions: 2,
      milestones: [{ milestoneId: expect.any(String), title: 'A-OWN-MILESTONE' }],
    });
    // The mentor's note and comment are theirs: only their id and figures remain.
    expect(goal.progressNotes).toEqual([
      { recordedAt: expect.any(String), recordedBy: 'person-a', progress: 10, note: 'A-OWN-NOTE' },
      { recordedAt: expect.any(String), recordedBy: 'mentor-m', progress: 20 },
    ]);
    expect(goal.revisionHistory).toEqual([
      expect.not.objectContaining({ comment: expect.anything() }),
      expect.objectContaining({ revisedBy: 'person-a', comment: 'A-OWN-COMMENT' }),
    ]);
    expect(goal.revisionHistory[0]).toMatchObject({ revisedBy: 'mentor-m', reason: 'scope-grew' });

    expect(exported.authoredEntries).toEqual([
      {
        kind: 'progress-update',
        goalId: bGoalId,
        relationshipId: aIsMentor,
        recordedAt: expect.any(String),
        progress: 30,
        note: 'A-NOTE-ON-B-GOAL',
      },
      {
        kind: 'revision',
        goalId: bGoalId,
        relationshipId: aIsMentor,
        revisedAt: expect.any(String),
        reason: 'scope-grew',
        changedFields: ['dueDate'],
        comment: 'A-COMMENT-ON-B-GOAL',
      },
      {
        kind: 'milestone-completion',
        goalId: bGoalId,
        relationshipId: aIsMentor,
        milestoneId: bMilestoneId,
        completedAt: expect.any(String),
      },
    ]);
    expect(exported.relationships).toEqual([
      { relationshipId: aIsMentee, programId: matching.programId, status: 'active', roles: ['mentee'] },
      { relationshipId: aIsMentor, programId: matching.programId, status: 'active', roles: ['mentor'] },
    ]);
    expect(exported.publishedTemplates).toEqual([]);
    expect(exported.administeredProgramIds).toEqual([]);
  });

  it('gives B their own texts and A’s entries on B’s goal only as A’s id', async () => {
    const exported = (await personB.get(exportOf('person-b'))).body;
    const json = JSON.stringify(exported);
    for (const text of bTexts) expect(json).toContain(text);
    for (const text of [...aTexts, ...aEntryTexts, ...mentorTexts]) expect(json).not.toContain(text);
    expect(exported.goals.map((g: { goalId: string }) => g.goalId)).toEqual([bGoalId]);
    expect(exported.goals[0].progressNotes).toContainEqual(
      expect.objectContaining({ recordedBy: 'person-a', progress: 30 }),
    );
    expect(exported.authoredEntries).toEqual([]);
  });

  it('lists the templates a person published and the programs they administer', async () => {
    const exported = (await api.as(tenant, 'admin-1', ['program-admin']).get(exportOf('admin-1'))).body;
    expect(exported.publishedTemplates).toEqual([
      expect.objectContaining({ templateId, programId: matching.programId, title: 'ADMIN-TEMPLATE-TITLE' }),
    ]);
    expect(exported.administeredProgramIds).toEqual([matching.programId]);
    expect(exported.goals).toEqual([]);
  });

  it('refuses (403) anyone else in the tenant who is not a platform admin, with none of A’s data', async () => {
    const refused = [
      personB,
      mentorOfA,
      api.as(tenant, 'admin-1', ['program-admin']),
      api.as(tenant, 'analyst-1', ['analyst']),
    ];
    for (const caller of refused) {
      const response = await caller.get(exportOf('person-a'));
      expect({ user: caller.userId, status: response.status }).toEqual({ user: caller.userId, status: 403 });
      expect(response.body.detail).toBe(
        'Only a platform admin or the person themself may read their personal data',
      );
      expect(JSON.stringify(response.body)).not.toMatch(/A-OWN|A-NOTE|A-COMMENT/);
    }
  });

  it('answers a platform admin of another tenant with empty sections', async () => {
    const response = await api
      .as(otherTenant, 'privacy-officer', ['platform-admin'])
      .get(exportOf('person-a'));
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      service: 'goals',
      userId: 'person-a',
      goals: [],
      authoredEntries: [],
      publishedTemplates: [],
      relationships: [],
      administeredProgramIds: [],
    });
  });
});
