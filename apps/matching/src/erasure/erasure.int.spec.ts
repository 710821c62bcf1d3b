import { randomUUID } from 'node:crypto';
import { EventStore } from '@tandem/eventstore';
import { erasureStream, MongoConnection } from '@tandem/runtime';
import { testEnvelope } from '@tandem/runtime/testing';
import { waitFor } from '@tandem/testing';
import { completedRun, startMatchingApi, type ApiClient, type MatchingApi } from '../matching-api.test-kit';

/** Every string stored anywhere in the service's database, one JSON text per document. */
async function storedDocuments(api: MatchingApi): Promise<string[]> {
  const db = api.app.get(MongoConnection).db;
  const collections = await db.listCollections({}, { nameOnly: true }).toArray();
  const documents = await Promise.all(collections.map(({ name }) => db.collection(name).find({}).toArray()));
  return documents.flat().map((document) => JSON.stringify(document));
}

/** The right to be forgotten, matching's part: the request, its progress, and what matching erases. */
describe('erasure requests', () => {
  let api: MatchingApi;
  beforeAll(async () => {
    api = await startMatchingApi();
  });
  afterAll(() => api.close());

  async function pairWhoReflected(tenant: string) {
    const admin = api.as(tenant, 'admin-1', ['program-admin']);
    const created = await admin.post('/programs', {
      name: 'Forget',
      type: 'one-to-one',
      settings: { minimumScore: 0, defaultMentorCapacity: 1 },
    });
    const programId = String(created.body.programId);
    await admin.post(`/programs/${programId}/open-enrolment`);
    const csv = [
      'userId,roles,languages,department,location,displayName,email,jobTitle',
      'er-mentor,mentor,en,finance,Lyon,Mentor Marple,marple@example.com,Detective',
      'er-mentee,mentee,en,legal,Brussels Office 4,Mentee Poirot,poirot@example.com,Chief Inspector',
    ].join('\n');
    const accepted = await admin.send('POST', `/programs/${programId}/participants/import`, csv, 'text/csv');
    await waitFor(
      async () =>
        (await admin.get(`/programs/${programId}/participant-imports/${String(accepted.body.jobId)}`)).body
          .status === 'completed',
      { description: 'the import to finish', timeoutMs: 30_000 },
    );
    const run = await completedRun(admin, programId, {});
    await admin.post(`/programs/${programId}/match-runs/${String(run.body.runId)}/publish`);
    await admin.post(`/programs/${programId}/launch`);
    const mentee = api.as(tenant, 'er-mentee', ['participant']);
    const mentor = api.as(tenant, 'er-mentor', ['participant']);
    const [proposal] = (await mentee.get(`/relationships?programId=${programId}`)).body.items;
    const path = `/relationships/${String(proposal.relationshipId)}`;
    await mentee.post(`${path}/accept`);
    await mentor.post(`${path}/accept`);
    await mentee.post(`${path}/end`, { reason: 'goals-achieved' });
    const reflect = (who: ApiClient, comment: string, key: string) =>
      who.post(
        `${path}/reflection`,
        { rating: 4, goalsAchieved: 'yes', wouldRecommend: true, comment, commentVisibility: 'shared' },
        { 'idempotency-key': key },
      );
    const menteeKey = randomUUID();
    expect((await reflect(mentee, 'Poirot learnt patience', menteeKey)).status).toBe(200);
    expect((await reflect(mentor, 'Marple enjoyed every minute', randomUUID())).status).toBe(200);
    return {
      path,
      mentee,
      mentor,
      replayMenteeReflection: () => reflect(mentee, 'Poirot learnt patience', menteeKey),
    };
  }

  it('erases the person’s directory entry, profile, comments and imported rows, keeps the others’, and completes once every service reported', async () => {
    const tenant = `erase-${randomUUID().slice(0, 8)}`;
    const { path, mentor, replayMenteeReflection } = await pairWhoReflected(tenant);
    const root = api.as(tenant, 'root', ['platform-admin']);
    const theirs = [
      'Mentee Poirot',
      'poirot@example.com',
      'Chief Inspector',
      'Brussels Office 4',
      'Poirot learnt patience',
    ];
    const others = ['Mentor Marple', 'marple@example.com', 'Marple enjoyed every minute'];
    const before = (await storedDocuments(api)).join('\n');
    for (const text of [...theirs, ...others]) expect(before).toContain(text);

    const requested = await root.post('/people/er-mentee/erasure-requests');
    expect(requested.status).toBe(202);
    const requestId = String(requested.body.requestId);
    expect(requested.headers.get('location')).toBe(`/api/matching/v1/erasure-requests/${requestId}`);
    expect(requested.body).toMatchObject({ userId: 'er-mentee', status: 'running', requestedBy: 'root' });

    // Matching does its part from its own topic; the other services' reports come from theirs.
    await waitFor(
      async () => (await root.get(`/erasure-requests/${requestId}`)).body.services?.[0]?.status === 'erased',
      { description: 'matching to report its part', timeoutMs: 30_000 },
    );
    const progress = await root.get(`/erasure-requests/${requestId}`);
    expect(progress.body).toMatchObject({
      status: 'running',
      services: [
        { service: 'matching', status: 'erased' },
        { service: 'goals', status: 'pending' },
        { service: 'sessions', status: 'pending' },
        { service: 'analytics', status: 'pending' },
      ],
    });

    const after = (await storedDocuments(api)).join('\n');
    for (const text of theirs) expect(after).not.toContain(text);
    for (const text of others) expect(after).toContain(text);
    expect((await root.get('/people/er-mentee')).status).toBe(404);
    expect((await replayMenteeReflection()).status).toBe(410);
    const relationship = await mentor.get(path);
    expect(relationship.status).toBe(200);
    expect(JSON.stringify(relationship.body)).not.toContain('Poirot learnt patience');
    expect(JSON.stringify(relationship.body)).toContain('Marple enjoyed every minute');

    const reports = (['goals', 'sessions', 'analytics'] as const).map((service) =>
      testEnvelope(
        `${service}.person.erased`,
        { requestId, userId: 'er-mentee', erasedAt: new Date().toISOString() },
        { tenantId: tenant, streamId: erasureStream(requestId), streamVersion: 1 },
      ),
    );
    await api.publish([...reports, ...reports]);
    await waitFor(
      async () => (await root.get(`/erasure-requests/${requestId}`)).body.status === 'completed',
      {
        description: 'every service’s report to arrive',
        timeoutMs: 30_000,
      },
    );
    const { events } = await api.app.get(EventStore).readStream(tenant, erasureStream(requestId));
    expect(events.map((event) => event.type)).toEqual(['matching.person.erased']);
  });

  it('answers 404 for a person it does not know and 403 to anyone but a platform admin', async () => {
    const tenant = `erase-${randomUUID().slice(0, 8)}`;
    expect(
      (await api.as(tenant, 'root', ['platform-admin']).post('/people/nobody/erasure-requests')).status,
    ).toBe(404);
    expect(
      (await api.as(tenant, 'admin', ['program-admin']).post('/people/nobody/erasure-requests')).status,
    ).toBe(403);
    expect(
      (await api.as(tenant, 'root', ['platform-admin']).get(`/erasure-requests/${randomUUID()}`)).status,
    ).toBe(404);
  });
});
