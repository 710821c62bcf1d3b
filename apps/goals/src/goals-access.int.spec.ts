import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { MongoConnection } from '@tandem/runtime';
import { fuzzWriteRoutes, type ServiceApi } from '@tandem/runtime/testing';
import {
  dayFromToday,
  matchingEvents,
  programKnown,
  relationshipKnown,
  startGoalsApi,
  type ApiClient,
} from './goals-api.test-kit';

/** Tenancy, visibility and input hardening on the goals routes (issue: identity and tenancy). */
describe('goals service access control', () => {
  let api: ServiceApi;
  const acme = `acme-${randomUUID().slice(0, 8)}`;
  const globex = `globex-${randomUUID().slice(0, 8)}`;
  const relationshipId = `r-${randomUUID()}`;
  const acmeMatching = matchingEvents(acme);
  // Globex has a program and a relationship with the very same ids, where the intruder is a party.
  const globexMatching = matchingEvents(globex, acmeMatching.programId, ['intruder']);
  let mentee: ApiClient;
  let goalId: string;
  const body = () => ({
    relationshipId,
    title: 'Acme secret goal',
    description: 'Acme secret description',
    measure: { kind: 'milestones' },
    relevance: 'negotiation',
    dueDate: dayFromToday(30),
  });

  beforeAll(async () => {
    api = await startGoalsApi();
    mentee = api.as(acme, 'mentee-1', ['participant']);
    await api.publish([
      acmeMatching.programCreated(),
      acmeMatching.relationship(relationshipId, ['mentor-1'], ['mentee-1']).started(),
      globexMatching.programCreated(),
      globexMatching.relationship(relationshipId, ['intruder'], ['mentee-1']).started(),
    ]);
    await Promise.all([
      programKnown(api, acme, acmeMatching.programId),
      relationshipKnown(api, acme, relationshipId, 'active'),
      relationshipKnown(api, globex, relationshipId, 'active'),
    ]);
    const created = await mentee.post('/goals', body());
    expect(created.status).toBe(201);
    goalId = created.body.goalId;
  }, 150_000);
  afterAll(() => api.close());

  it('answers 404 to another tenant reading a goal by id, with no field of it in the body', async () => {
    const intruders = [
      api.as(globex, 'intruder', ['participant']),
      api.as(globex, 'admin-1', ['program-admin', 'platform-admin']),
    ];
    for (const intruder of intruders) {
      const byId = await intruder.get(`/goals/${goalId}`);
      expect(byId.status).toBe(404);
      // `instance` echoes the caller's own request path; nothing else may name the goal.
      const { instance, ...problem } = byId.body;
      expect(instance).toBe(`/api/goals/v1/goals/${goalId}`);
      expect(JSON.stringify(problem)).not.toMatch(/Acme secret|negotiation|mentee-1|mentor-1/);
      expect(JSON.stringify(problem)).not.toContain(goalId);
      // Their own tenant's relationship with the same id has no goals.
      expect((await intruder.get(`/goals?relationshipId=${relationshipId}`)).body).toEqual({ items: [] });
      expect((await intruder.post(`/goals/${goalId}/progress`, { percent: 10 })).status).toBe(404);
    }
    expect((await api.as(globex, 'admin-1', ['program-admin']).get(`/goals/${goalId}`)).status).toBe(404);
  });

  it('hides a goal from a participant who is not a party (404), lets admins read but not write (403), keeps analysts out', async () => {
    const stranger = api.as(acme, 'someone-else', ['participant']);
    for (const response of [
      await stranger.get(`/goals/${goalId}`),
      await stranger.post(`/goals/${goalId}/complete`, {}),
      await stranger.get(`/goals?relationshipId=${relationshipId}`),
    ]) {
      expect(response.status).toBe(404);
      expect(JSON.stringify(response.body)).not.toMatch(/Acme secret|negotiation/);
    }
    expect((await stranger.get('/goals?participantId=mentee-1')).body.items).toEqual([]);
    const otherAdmin = api.as(acme, 'admin-2', ['program-admin']);
    expect((await otherAdmin.get(`/goals/${goalId}`)).status).toBe(404);
    const admin = api.as(acme, 'admin-1', ['program-admin']);
    expect((await admin.get(`/goals/${goalId}`)).status).toBe(200);
    expect((await admin.post(`/goals/${goalId}/complete`, {})).status).toBe(403);
    expect((await api.as(acme, 'analyst-1', ['analyst']).get(`/goals/${goalId}`)).status).toBe(403);
    expect(
      (
        await mentee.post('/goal-templates', {
          programId: acmeMatching.programId,
          title: 'x',
          competency: 'x',
          suggestedMeasure: { kind: 'milestones' },
        })
      ).status,
    ).toBe(403);
  });

  it('describes its routes in OpenAPI, served without a token', async () => {
    const response = await fetch(`${api.url}/api/goals/docs/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/goals/v1/goals',
        '/api/goals/v1/goals/{goalId}',
        '/api/goals/v1/goals/{goalId}/milestones/{milestoneId}/complete',
        '/api/goals/v1/goal-templates',
      ]),
    );
  });

  it('refuses a body smuggling tenantId, id or status (400 naming them) and query operators in query strings', async () => {
    const smuggled = await mentee.post('/goals', {
      ...body(),
      tenantId: globex,
      id: 'mine',
      goalId: 'mine',
      status: 'completed',
    });
    expect(smuggled.status).toBe(400);
    expect(smuggled.body.code).toBe('validation-failed');
    expect(smuggled.body.errors.map((f: { path: string }) => f.path).sort()).toEqual([
      'goalId',
      'id',
      'status',
      'tenantId',
    ]);
    const progress = await mentee.post(`/goals/${goalId}/progress`, {
      percent: 10,
      tenantId: globex,
      status: 'completed',
    });
    expect(progress.status).toBe(400);
    const jsonOperator = await mentee.get(`/goals?relationshipId=${encodeURIComponent('{"$ne":null}')}`);
    expect(jsonOperator.status).toBe(400);
    expect(jsonOperator.body.errors).toEqual([expect.objectContaining({ path: 'relationshipId' })]);
    expect((await mentee.get('/goals?status[$ne]=on-track')).status).toBe(400);
    expect((await mentee.get(`/goals/${goalId}`)).body).toMatchObject({ state: 'open', progress: 0 });
  });

  it('refuses numbers outside their bounds (±1e308, 1e10) with 400 naming the field', async () => {
    for (const baseline of [-1e308, 1e308, -1e10]) {
      const response = await mentee.post('/goals', {
        ...body(),
        measure: { kind: 'metric', baseline, target: 10, unit: 'sessions' },
      });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain('baseline');
    }
    for (const progress of [{ value: -1e308 }, { value: 1e308 }, { percent: 1e308 }]) {
      const response = await mentee.post(`/goals/${goalId}/progress`, progress);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain(Object.keys(progress)[0]);
    }
    const limit = await mentee.get('/goals?limit=1e308');
    expect(limit.status).toBe(400);
    expect(JSON.stringify(limit.body)).toContain('limit');
    expect((await mentee.get(`/goals/${goalId}`)).body).toMatchObject({ progress: 0 });
  });

  it('answers random bodies on its write routes with 4xx naming a field or a code, never a 5xx, a rejected one writing nothing', async () => {
    const db = api.app.get(MongoConnection).db;
    const countWrites = async () =>
      (
        await Promise.all(
          ['events', 'goals_v2', 'goal_texts', 'goal_templates_v2', 'goal_template_texts'].map((name) =>
            db.collection(name).countDocuments(),
          ),
        )
      ).reduce((a, b) => a + b, 0);
    const routes = [
      '/goals',
      `/goals/${goalId}/revise`,
      `/goals/${goalId}/progress`,
      `/goals/${goalId}/milestones`,
      `/goals/${goalId}/abandon`,
      '/goal-templates',
    ];
    const bodies = fc.oneof(
      fc.anything(),
      fc.dictionary(
        fc.constantFrom(
          'relationshipId',
          'title',
          'measure',
          'dueDate',
          'value',
          'percent',
          'reason',
          'tenantId',
          '$where',
        ),
        fc.jsonValue(),
      ),
      fc.record({
        relationshipId: fc.string(),
        dueDate: fc.string(),
        measure: fc.dictionary(fc.string(), fc.jsonValue()),
      }),
    );
    const statuses = await fuzzWriteRoutes({ client: mentee, routes, bodies, numRuns: 600, countWrites });
    expect(statuses.get(400)).toBeGreaterThan(300);
  }, 240_000);
});
