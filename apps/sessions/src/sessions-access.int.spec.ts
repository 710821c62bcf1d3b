import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { MongoConnection } from '@tandem/runtime';
import { fuzzWriteRoutes, type ServiceApi } from '@tandem/runtime/testing';
import { waitFor } from '@tandem/testing';
import {
  programCreated,
  relationshipFixture,
  relationshipStream,
  startSessionsApi,
  type ApiClient,
  type RelationshipFixture,
} from './sessions-api.test-kit';

// Kafka consumer-group joins and deliveries are slow when the shared machine is busy.
jest.setTimeout(180_000);

/** Tenancy, visibility and input hardening on the sessions routes (issue: identity and tenancy). */
describe('sessions service access control', () => {
  let api: ServiceApi;
  const acme = `acme-${randomUUID().slice(0, 8)}`;
  const globex = `globex-${randomUUID().slice(0, 8)}`;
  let pair: RelationshipFixture;
  let mentee: ApiClient;
  let sessionId: string;
  const secretLocation = 'Acme secret boardroom';

  beforeAll(async () => {
    api = await startSessionsApi();
    pair = relationshipFixture(acme);
    mentee = api.as(acme, pair.menteeId, ['participant']);
    await api.publish([
      programCreated(pair, ['admin-1']),
      ...relationshipStream(pair, ['proposed', 'started']),
    ]);
    await waitFor(
      async () => (await mentee.get(`/relationships/${pair.relationshipId}/history`)).status === 200,
      {
        timeoutMs: 150_000,
        description: 'relationship learned from matching',
      },
    );
    const created = await mentee.post('/sessions', {
      relationshipId: pair.relationshipId,
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      durationMinutes: 30,
      format: 'in-person',
      location: secretLocation,
    });
    expect(created.status).toBe(201);
    sessionId = created.body.sessionId;
  }, 180_000);
  afterAll(() => api.close());

  it("answers 404 to another tenant's session and relationship, with no field of them in the body", async () => {
    const globexAdmin = api.as(globex, pair.menteeId, ['participant', 'platform-admin']);
    for (const path of [
      `/sessions/${sessionId}`,
      `/relationships/${pair.relationshipId}/history`,
      `/sessions?relationshipId=${pair.relationshipId}`,
    ]) {
      const response = await globexAdmin.get(path);
      expect(response.status).toBe(404);
      // `instance` echoes the caller's own request path; nothing else may name the resource.
      const { instance, ...problem } = response.body;
      expect(instance).toBe(`/api/sessions/v1${path.split('?')[0]}`);
      expect(JSON.stringify(problem)).not.toMatch(
        new RegExp(`${secretLocation}|${pair.mentorId}|${pair.programId}|${sessionId}`),
      );
    }
    expect((await globexAdmin.get('/sessions')).body.items).toEqual([]);
    expect((await globexAdmin.post(`/sessions/${sessionId}/cancel`, { reason: 'spite' })).status).toBe(404);
    const foreign = await globexAdmin.post('/sessions', {
      relationshipId: pair.relationshipId,
      startsAt: new Date().toISOString(),
      durationMinutes: 30,
      format: 'video',
    });
    expect(foreign.status).toBe(404);
  });

  it('hides a session from a participant who is not a party, and from admins of other programs', async () => {
    for (const outsider of [
      api.as(acme, 'someone-else', ['participant']),
      api.as(acme, 'admin-2', ['program-admin']),
    ]) {
      const response = await outsider.get(`/sessions/${sessionId}`);
      expect(response.status).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain(secretLocation);
      expect(
        (await outsider.post(`/sessions/${sessionId}/reschedule`, { startsAt: new Date().toISOString() }))
          .status,
      ).toBe(404);
      expect((await outsider.get('/sessions')).body.items).toEqual([]);
    }
    expect(
      (await api.as(acme, 'admin-1', ['program-admin']).get(`/sessions/${sessionId}`)).body.location,
    ).toBe(secretLocation);
    expect((await api.as(acme, 'analyst-1', ['analyst']).get(`/sessions/${sessionId}`)).status).toBe(403);
  });

  it('refuses bodies smuggling tenantId, id or status, and query operators in ids, with 400', async () => {
    const valid = {
      relationshipId: pair.relationshipId,
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      durationMinutes: 30,
      format: 'video',
    };
    for (const smuggled of [
      { tenantId: 'globex' },
      { id: 'mine' },
      { sessionId: 'mine' },
      { status: 'held' },
    ]) {
      const response = await mentee.post('/sessions', { ...valid, ...smuggled });
      expect(response.status).toBe(400);
    }
    expect(
      (await mentee.post(`/sessions/${sessionId}/cancel`, { reason: 'travel', status: 'held' })).status,
    ).toBe(400);
    expect((await mentee.post('/sessions', { ...valid, relationshipId: { $ne: null } })).status).toBe(400);
    expect((await mentee.get(`/sessions?relationshipId=${encodeURIComponent('{"$ne":null}')}`)).status).toBe(
      400,
    );
    expect((await mentee.get('/sessions?relationshipId[$ne]=x')).status).toBe(400);
    expect((await mentee.get(`/sessions/${sessionId}`)).body.status).toBe('scheduled');
  });

  it('refuses numbers outside their bounds (±1e308, Infinity) with 400 naming the field', async () => {
    const valid = {
      relationshipId: pair.relationshipId,
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      format: 'video',
    };
    for (const durationMinutes of [-1e308, 1e308, 481]) {
      const response = await mentee.post('/sessions', { ...valid, durationMinutes });
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain('durationMinutes');
    }
    const limit = await mentee.get('/sessions?limit=Infinity');
    expect(limit.status).toBe(400);
    expect(JSON.stringify(limit.body)).toContain('limit');
  });

  it('answers hundreds of random bodies on its write routes with 4xx naming a field or rule, never a 5xx, writing nothing', async () => {
    const db = api.app.get(MongoConnection).db;
    const collections = [
      'events',
      'sessions_v2',
      'session_details',
      'notes',
      'action_item_texts',
      'feedback',
    ];
    const countWrites = async () =>
      (await Promise.all(collections.map((name) => db.collection(name).countDocuments()))).reduce(
        (a, b) => a + b,
        0,
      );
    const routes = [
      '/sessions',
      ...['reschedule', 'cancel', 'held', 'no-show', 'feedback', 'action-items', 'notes', 'agenda'].map(
        (r) => `/sessions/${sessionId}/${r}`,
      ),
    ];
    const keys = [
      'relationshipId',
      'startsAt',
      'durationMinutes',
      'format',
      'tenantId',
      'status',
      'attendeeIds',
      'absentIds',
      'rating',
      'text',
      'assigneeId',
      'visibility',
      'goalId',
      '$where',
    ];
    const bodies = fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...keys), fc.jsonValue()));
    const statuses = await fuzzWriteRoutes({ client: mentee, routes, bodies, numRuns: 600, countWrites });
    expect(statuses.get(400)).toBeGreaterThan(300);
  }, 240_000);
});
