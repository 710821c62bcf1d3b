import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@tandem/events';
import { EventStore } from '@tandem/eventstore';
import { ErasureReport, erasureStream, MongoConnection } from '@tandem/runtime';
import { createApiClient, freezeNext, testEnvelope, type ServiceApi } from '@tandem/runtime/testing';
import { waitFor } from '@tandem/testing';
import type { Db } from 'mongodb';
import {
  dayFromToday,
  matchingEvents,
  programKnown,
  relationshipKnown,
  startGoalsApi,
  type ApiClient,
} from '../goals-api.test-kit';
import { ERASED } from './goal-text-erasure';

/** Matching's request to erase `userId` in `tenantId`, as its relay publishes it. */
const erasureRequested = (tenantId: string, userId: string): EventEnvelope => {
  const requestId = randomUUID();
  return testEnvelope(
    'matching.person.erasure-requested',
    { requestId, userId, by: 'privacy-officer', requestedAt: new Date().toISOString() },
    { tenantId, streamId: `erasure-request-${requestId}`, streamVersion: 1 },
  );
};
const requestIdOf = (request: EventEnvelope) => (request.data as { requestId: string }).requestId;

/** Every document of every collection of the service's database that holds `text`, as `collection/_id`. */
async function documentsHolding(db: Db, text: string): Promise<string[]> {
  const found: string[] = [];
  for (const { name } of await db.listCollections().toArray()) {
    for (const document of await db.collection(name).find({}).toArray()) {
      if (JSON.stringify(document).includes(text)) found.push(`${name}/${String(document._id)}`);
    }
  }
  return found;
}

/**
 * The goals service's part of a person's erasure, on the real stack: person A owns a goal (on which
 * A's mentor also writes), mentors B and writes on B's goal, and publishes a template. Matching's
 * request for A, delivered twice, leaves none of A's texts in any collection, keeps everyone
 * else's (and the template), and reports once.
 */
describe('goals service: erasing a person’s texts', () => {
  let api: ServiceApi;
  let db: Db;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  const matching = matchingEvents(tenant, `p-${randomUUID()}`, ['admin-1', 'person-a']);
  const aIsMentee = `r-${randomUUID()}`;
  const aIsMentor = `r-${randomUUID()}`;
  const cIsMentee = `r-${randomUUID()}`;
  let personA: ApiClient;
  let personB: ApiClient;
  let mentorOfA: ApiClient;
  let aGoalId: string;
  let bGoalId: string;
  const request = erasureRequested(tenant, 'person-a');
  const reportsOf = async (requestId: string) =>
    (await api.app.get(EventStore).readStream(tenant, erasureStream(requestId))).events;

  // Every text A wrote, plus the wording A's mentor gave A's goal: A's goal's text.
  const erasedTexts = [
    'ERASE-A-TITLE',
    'ERASE-A-DESCRIPTION',
    'ERASE-A-MILESTONE',
    'ERASE-A-NOTE',
    'ERASE-A-COMMENT',
    'ERASE-A-REVISED-DESCRIPTION',
    'ERASE-MENTOR-WORDING-OF-A-GOAL',
    'ERASE-A-NOTE-ON-B-GOAL',
    'ERASE-A-COMMENT-ON-B-GOAL',
  ];
  // Others' texts; the title A gave B's goal (B's goal's text); the template A published.
  const keptTexts = [
    'KEEP-B-TITLE',
    'KEEP-B-DESCRIPTION',
    'KEEP-B-MILESTONE',
    'KEEP-B-NOTE',
    'KEEP-MENTOR-NOTE-ON-A-GOAL',
    'KEEP-MENTOR-COMMENT-ON-A-GOAL',
    'KEEP-A-WORDING-OF-B-GOAL',
    'KEEP-A-TEMPLATE-TITLE',
  ];
  const foundBefore = new Map<string, string[]>();

  const goalBody = (relationshipId: string, prefix: string) => ({
    relationshipId,
    title: `${prefix}-TITLE`,
    description: `${prefix}-DESCRIPTION`,
    measure: { kind: 'milestones' },
    relevance: 'leadership',
    dueDate: dayFromToday(30),
    milestones: [{ title: `${prefix}-MILESTONE` }],
  });
  // Requests sent with an Idempotency-Key, so their answers are stored and retried below.
  const keyed = (key: string) => ({ 'Idempotency-Key': key });
  const aSetsGoal = goalBody(aIsMentee, 'ERASE-A');
  const mentorNote = { percent: 20, note: 'KEEP-MENTOR-NOTE-ON-A-GOAL' };
  const bSetsGoal = goalBody(aIsMentor, 'KEEP-B');
  const ok = (response: { status: number }) => expect(response.status).toBeLessThan(300);

  beforeAll(async () => {
    api = await startGoalsApi();
    db = api.app.get(MongoConnection).db;
    personA = api.as(tenant, 'person-a', ['participant']);
    personB = api.as(tenant, 'person-b', ['participant']);
    mentorOfA = api.as(tenant, 'mentor-m', ['participant']);
    await api.publish([
      matching.programCreated(),
      matching.relationship(aIsMentee, ['mentor-m'], ['person-a']).started(),
      matching.relationship(aIsMentor, ['person-a'], ['person-b']).started(),
      matching.relationship(cIsMentee, ['mentor-c'], ['person-c']).started(),
    ]);
    await Promise.all([
      programKnown(api, tenant, matching.programId),
      relationshipKnown(api, tenant, aIsMentee, 'active'),
      relationshipKnown(api, tenant, aIsMentor, 'active'),
      relationshipKnown(api, tenant, cIsMentee, 'active'),
    ]);

    const aGoal = await personA.post('/goals', aSetsGoal, keyed('a-sets-goal'));
    expect(aGoal.status).toBe(201);
    aGoalId = aGoal.body.goalId;
    ok(await personA.post(`/goals/${aGoalId}/progress`, { percent: 10, note: 'ERASE-A-NOTE' }));
    ok(await mentorOfA.post(`/goals/${aGoalId}/progress`, mentorNote, keyed('mentor-note')));
    ok(
      await mentorOfA.post(`/goals/${aGoalId}/revise`, {
        reason: 'scope-grew',
        comment: 'KEEP-MENTOR-COMMENT-ON-A-GOAL',
        title: 'ERASE-MENTOR-WORDING-OF-A-GOAL',
      }),
    );
    ok(
      await personA.post(`/goals/${aGoalId}/revise`, {
        reason: 'scope-grew',
        comment: 'ERASE-A-COMMENT',
        description: 'ERASE-A-REVISED-DESCRIPTION',
      }),
    );

    const bGoal = await personB.post('/goals', bSetsGoal, keyed('b-sets-goal'));
    expect(bGoal.status).toBe(201);
    bGoalId = bGoal.body.goalId;
    ok(await personB.post(`/goals/${bGoalId}/progress`, { percent: 5, note: 'KEEP-B-NOTE' }));
    ok(await personA.post(`/goals/${bGoalId}/progress`, { percent: 30, note: 'ERASE-A-NOTE-ON-B-GOAL' }));
    ok(
      await personA.post(`/goals/${bGoalId}/revise`, {
        reason: 'scope-grew',
        comment: 'ERASE-A-COMMENT-ON-B-GOAL',
        title: 'KEEP-A-WORDING-OF-B-GOAL',
      }),
    );
    ok(
      await api.as(tenant, 'person-a', ['program-admin']).post('/goal-templates', {
        programId: matching.programId,
        title: 'KEEP-A-TEMPLATE-TITLE',
        competency: 'leadership',
        suggestedMeasure: { kind: 'milestones' },
      }),
    );
    for (const text of [...erasedTexts, ...keptTexts])
      foundBefore.set(text, await documentsHolding(db, text));

    // Delivered twice (a redelivery), then a request for someone else: once its report is in,
    // both deliveries before it on the partition have been handled.
    const later = erasureRequested(tenant, `nobody-${randomUUID()}`);
    await api.publish([request, request, later]);
    await waitFor(async () => (await reportsOf(requestIdOf(later))).length === 1, {
      description: 'the later erasure reported',
      timeoutMs: 90_000,
    });
  }, 240_000);
  afterAll(() => api.close());

  it('leaves none of A’s texts in any document of any collection, and everyone else’s where they were', async () => {
    // Without the "before" checks, an "after" could pass on a text that was never written.
    for (const text of erasedTexts) {
      expect({ text, before: foundBefore.get(text) }).toEqual({
        text,
        before: expect.arrayContaining([expect.any(String)]),
      });
      expect({ text, after: await documentsHolding(db, text) }).toEqual({ text, after: [] });
    }
    // Stored answers that quoted A's texts are shredded with them, whatever else they quoted.
    const notStoredAnswer = (document: string) => !document.startsWith('idempotency_keys/');
    for (const text of keptTexts) {
      const kept = foundBefore.get(text)?.filter(notStoredAnswer);
      expect({ text, kept }).toEqual({ text, kept: expect.arrayContaining([expect.any(String)]) });
      expect({ text, after: await documentsHolding(db, text) }).toEqual({
        text,
        after: expect.arrayContaining(kept ?? []),
      });
    }
  });

  it('reports once, although the request came twice, and publishes the report on the goals topic', async () => {
    const reports = await reportsOf(requestIdOf(request));
    expect(reports.map(({ type, data }) => ({ type, data }))).toEqual([
      {
        type: 'goals.person.erased',
        data: { requestId: requestIdOf(request), userId: 'person-a', erasedAt: expect.any(String) },
      },
    ]);
    await api.waitForEvents(
      (events) =>
        events.some(
          (e) =>
            e.type === 'goals.person.erased' &&
            (e.data as { requestId: string }).requestId === requestIdOf(request),
        ),
      60_000,
    );
  });

  it('answers readers of both goals within the API’s schemas, the erased texts read as the marker', async () => {
    const aGoal = (await mentorOfA.get(`/goals/${aGoalId}`)).body;
    expect(aGoal).toMatchObject({
      title: ERASED,
      description: ERASED,
      milestones: [{ title: ERASED }],
      progress: 20,
      revisions: 2,
      progressNotes: [
        { recordedBy: 'person-a', progress: 10, note: ERASED },
        { recordedBy: 'mentor-m', progress: 20, note: 'KEEP-MENTOR-NOTE-ON-A-GOAL' },
      ],
      revisionHistory: [
        { revisedBy: 'mentor-m', comment: 'KEEP-MENTOR-COMMENT-ON-A-GOAL', previous: { title: ERASED } },
        { revisedBy: 'person-a', comment: ERASED, previous: { description: ERASED } },
      ],
    });
    const bGoal = (await personB.get(`/goals/${bGoalId}`)).body;
    expect(bGoal).toMatchObject({
      title: 'KEEP-A-WORDING-OF-B-GOAL',
      description: 'KEEP-B-DESCRIPTION',
      milestones: [{ title: 'KEEP-B-MILESTONE' }],
      progressNotes: [
        { recordedBy: 'person-b', note: 'KEEP-B-NOTE' },
        { recordedBy: 'person-a', progress: 30, note: ERASED },
      ],
      revisionHistory: [{ revisedBy: 'person-a', comment: ERASED, previous: { title: 'KEEP-B-TITLE' } }],
    });
  });

  it('shows none of A’s texts in A’s personal data export, and still the template A published', async () => {
    const exported = await api
      .as(tenant, 'privacy-officer', ['platform-admin'])
      .get('/people/person-a/personal-data');
    expect(exported.status).toBe(200);
    const json = JSON.stringify(exported.body);
    for (const text of erasedTexts) expect(json).not.toContain(text);
    expect(exported.body.goals.map((g: { goalId: string }) => g.goalId)).toEqual([aGoalId]);
    expect(exported.body.publishedTemplates).toEqual([
      expect.objectContaining({ title: 'KEEP-A-TEMPLATE-TITLE' }),
    ]);
  });

  it('answers a retry of a stored request that was A’s, or that quoted A’s texts, 410; others’ still replay', async () => {
    // 410 is no answer of the API's routes: these retries go without the contract check.
    const retry = (userId: string) =>
      createApiClient(api.url, 'goals', userId, api.token(tenant, userId, ['participant']));
    const aRetry = await retry('person-a').post('/goals', aSetsGoal, keyed('a-sets-goal'));
    const mentorRetry = await retry('mentor-m').post(
      `/goals/${aGoalId}/progress`,
      mentorNote,
      keyed('mentor-note'),
    );
    for (const answer of [aRetry, mentorRetry])
      expect(answer).toMatchObject({ status: 410, body: { code: 'answer-erased' } });
    const bRetry = await personB.post('/goals', bSetsGoal, keyed('b-sets-goal'));
    expect(bRetry.status).toBe(201);
    expect(bRetry.body).toMatchObject({ goalId: bGoalId, title: 'KEEP-B-TITLE' });
  });

  it('finishes after a crash between overwriting and reporting: the redelivery reports, once', async () => {
    const personC = api.as(tenant, 'person-c', ['participant']);
    const cGoal = await personC.post('/goals', goalBody(cIsMentee, 'ERASE-C'));
    expect(cGoal.status).toBe(201);
    const frozen = freezeNext(api.app.get(ErasureReport), 'report');
    const cRequest = erasureRequested(tenant, 'person-c');
    await api.publish([cRequest]);
    await frozen.reached();
    const texts = await db.collection('goal_texts').findOne({ goalId: cGoal.body.goalId });
    expect(texts).toMatchObject({ title: ERASED, description: ERASED });
    expect(await reportsOf(requestIdOf(cRequest))).toEqual([]);
    frozen.kill();
    await waitFor(async () => (await reportsOf(requestIdOf(cRequest))).length === 1, {
      description: 'the erasure of person-c reported after the crash',
      timeoutMs: 60_000,
    });
    expect(await documentsHolding(db, 'ERASE-C-')).toEqual([]);
  });
});
