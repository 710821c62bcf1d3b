import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { MongoConnection } from '@tandem/runtime';
import { fuzzWriteRoutes } from '@tandem/runtime/testing';
import { startMatchingApi, type ApiClient, type MatchingApi } from './matching-api.test-kit';

/** Tenancy, roles and input hardening on the matching service's own routes (issue: identity and tenancy). */
describe('matching service access control', () => {
  let api: MatchingApi;
  const acme = `acme-${randomUUID().slice(0, 8)}`;
  const globex = `globex-${randomUUID().slice(0, 8)}`;
  let acmeAdmin: ApiClient;
  let globexAdmin: ApiClient;
  let programId: string;
  let relationshipId: string;

  beforeAll(async () => {
    api = await startMatchingApi();
    acmeAdmin = api.as(acme, 'admin-1', ['program-admin']);
    globexAdmin = api.as(globex, 'admin-1', ['program-admin', 'platform-admin']);
    const program = await acmeAdmin.post('/programs', {
      name: 'Acme secret program',
      type: 'one-to-one',
      settings: { matchingMode: 'hybrid' },
    });
    programId = program.body.programId;
    await acmeAdmin.post(`/programs/${programId}/open-enrolment`);
    const mentor = await acmeAdmin.post(`/programs/${programId}/participants`, {
      userId: 'mentor-1',
      roles: ['mentor'],
      profile: { languages: ['en'] },
    });
    await acmeAdmin.post(`/programs/${programId}/participants`, {
      userId: 'mentee-1',
      roles: ['mentee'],
      profile: { languages: ['en'] },
    });
    const request = await api
      .as(acme, 'mentee-1', ['participant'])
      .post('/relationships', { programId, mentorId: mentor.body.participantId });
    expect(request.status).toBe(201);
    relationshipId = request.body.relationshipId;
  });
  afterAll(() => api.close());

  it("answers 404 to another tenant's program and relationship, with no field of them in the body", async () => {
    for (const path of [
      `/programs/${programId}`,
      `/relationships/${relationshipId}`,
      `/programs/${programId}/participants`,
    ]) {
      const response = await globexAdmin.get(path);
      expect(response.status).toBe(404);
      expect(JSON.stringify(response.body)).not.toMatch(/Acme secret|mentor-1|mentee-1/);
    }
    expect((await globexAdmin.get('/programs')).body.items).toEqual([]);
    expect((await globexAdmin.post(`/programs/${programId}/launch`)).status).toBe(404);
  });

  it('describes its routes in OpenAPI, served without a token', async () => {
    const response = await fetch(`${api.url}/api/matching/docs/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/matching/v1/programs',
        '/api/matching/v1/relationships/{relationshipId}/accept',
      ]),
    );
  });

  it('refuses admin routes to participants (403) and hides other people’s relationships (404)', async () => {
    const participant = api.as(acme, 'mentee-1', ['participant']);
    expect((await participant.post('/programs', { name: 'Mine', type: 'peer' })).status).toBe(403);
    expect((await participant.post(`/programs/${programId}/match-runs`, {})).status).toBe(403);
    expect(
      (await api.as(acme, 'someone-else', ['participant']).get(`/relationships/${relationshipId}`)).status,
    ).toBe(404);
    expect((await api.as(acme, 'analyst-1', ['analyst']).get(`/programs/${programId}`)).status).toBe(403);
  });

  it('never takes tenantId, id or status from a body, and refuses query operators in a query string', async () => {
    const smuggled = await acmeAdmin.post('/programs', {
      name: 'x',
      type: 'peer',
      tenantId: globex,
      status: 'active',
      programId: 'mine',
    });
    expect(smuggled.status).toBe(400);
    expect(smuggled.body.code).toBe('validation-failed');
    expect(smuggled.body.errors.map((f: { path: string }) => f.path).sort()).toEqual([
      'programId',
      'status',
      'tenantId',
    ]);
    expect((await globexAdmin.get('/programs')).body.items).toEqual([]);
    const operator = await acmeAdmin.get('/programs?status[$ne]=draft');
    expect(operator.status).toBe(400);
    expect(operator.body.errors[0].path).toMatch(/status/);
    const jsonOperator = await acmeAdmin.get(
      `/relationships?programId=${encodeURIComponent('{"$ne":null}')}`,
    );
    expect(jsonOperator.status).toBe(400);
    expect(jsonOperator.body.errors).toEqual([expect.objectContaining({ path: 'programId' })]);
  });

  it('refuses numbers outside their bounds (±1e308, NaN as a string) with 400 naming the field', async () => {
    const question = { id: 'years', kind: 'number', label: 'Years of experience', min: 0, max: -1e308 };
    const program = await acmeAdmin.post('/programs', {
      name: 'x',
      type: 'peer',
      settings: { questions: [question] },
    });
    expect(program.status).toBe(400);
    expect(JSON.stringify(program.body)).toContain('max');
    const enrol = await acmeAdmin.post(`/programs/${programId}/participants`, {
      userId: `u-${randomUUID()}`,
      roles: ['mentee'],
      profile: { answers: { years: 1e308 } },
    });
    expect(enrol.status).toBe(400);
    expect(JSON.stringify(enrol.body)).toContain('answers');
    const weights = await acmeAdmin.post(`/programs/${programId}/match-runs`, { minimumScore: -1e308 });
    expect(weights.status).toBe(400);
    expect(JSON.stringify(weights.body)).toContain('minimumScore');
    const limit = await acmeAdmin.get('/programs?limit=NaN');
    expect(limit.status).toBe(400);
    expect(JSON.stringify(limit.body)).toContain('limit');
  });

  it('answers thousands of random bodies on its write routes with 400s naming a field, never a 5xx, a rejected one writing nothing', async () => {
    const db = api.app.get(MongoConnection).db;
    const collections = ['events', 'programs', 'participants', 'relationships', 'match_runs'];
    const countWrites = async () =>
      (await Promise.all(collections.map((name) => db.collection(name).countDocuments()))).reduce(
        (a, b) => a + b,
        0,
      );
    // Routes whose every field may be omitted (a match run) are left out: an empty body is valid there.
    const routes = [
      '/programs',
      `/programs/${programId}/participants`,
      '/relationships',
      `/relationships/${relationshipId}/end`,
      `/relationships/${relationshipId}/decline`,
    ];
    const mutations = fc.oneof(
      fc.anything(),
      fc.dictionary(
        fc.constantFrom(
          'name',
          'type',
          'settings',
          'roles',
          'profile',
          'tenantId',
          'minimumScore',
          'reason',
          'mentorId',
          '$where',
        ),
        fc.jsonValue(),
      ),
      fc.record({
        name: fc.string(),
        type: fc.string(),
        settings: fc.dictionary(fc.string(), fc.jsonValue()),
      }),
    );
    const statuses = await fuzzWriteRoutes({
      client: acmeAdmin,
      routes,
      bodies: mutations,
      numRuns: 2000,
      countWrites,
    });
    expect(statuses.get(400)).toBeGreaterThan(1000);
  }, 240_000);
});
