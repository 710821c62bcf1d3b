import { randomUUID } from 'node:crypto';
import { waitFor } from '@tandem/testing';
import { completedRun, startMatchingApi, type ApiClient, type MatchingApi } from '../matching-api.test-kit';

/** The right of access, matching's part: what it holds about one person, and nothing of anyone else's. */
describe('personal data held by matching', () => {
  let api: MatchingApi;
  beforeAll(async () => {
    api = await startMatchingApi();
  });
  afterAll(() => api.close());

  async function importPeople(admin: ApiClient, programId: string, rows: string[]): Promise<void> {
    const csv = ['userId,roles,languages,department,displayName,email,jobTitle', ...rows].join('\n');
    const accepted = await admin.send('POST', `/programs/${programId}/participants/import`, csv, 'text/csv');
    expect(accepted.status).toBe(202);
    await waitFor(
      async () =>
        (await admin.get(`/programs/${programId}/participant-imports/${String(accepted.body.jobId)}`)).body
          .status === 'completed',
      { description: 'the import to finish', timeoutMs: 30_000 },
    );
  }

  it('gives a person their directory entry, enrolment, pairs, relationship and own reflection, and nothing of their mentor’s', async () => {
    const tenant = `personal-${randomUUID().slice(0, 8)}`;
    const admin = api.as(tenant, 'admin-1', ['program-admin']);
    const created = await admin.post('/programs', {
      name: 'Access',
      type: 'one-to-one',
      settings: { minimumScore: 0, defaultMentorCapacity: 1 },
    });
    const programId = String(created.body.programId);
    await admin.post(`/programs/${programId}/open-enrolment`);
    await importPeople(admin, programId, [
      'pd-mentor,mentor,en,finance,Mentor Marple,marple@example.com,Detective',
      'pd-mentee,mentee,en,legal,Mentee Poirot,poirot@example.com,Inspector',
    ]);
    const run = await completedRun(admin, programId, {});
    await admin.post(`/programs/${programId}/match-runs/${String(run.body.runId)}/publish`);
    await admin.post(`/programs/${programId}/launch`);
    const mentee = api.as(tenant, 'pd-mentee', ['participant']);
    const mentor = api.as(tenant, 'pd-mentor', ['participant']);
    const [proposal] = (await mentee.get(`/relationships?programId=${programId}`)).body.items;
    const path = `/relationships/${String(proposal.relationshipId)}`;
    await mentee.post(`${path}/accept`);
    await mentor.post(`${path}/accept`);
    await mentee.post(`${path}/end`, { reason: 'goals-achieved' });
    const reflect = (who: ApiClient, comment: string) =>
      who.post(`${path}/reflection`, {
        rating: 4,
        goalsAchieved: 'yes',
        wouldRecommend: true,
        comment,
        commentVisibility: 'shared',
      });
    expect((await reflect(mentee, 'Poirot learnt patience')).status).toBe(200);
    expect((await reflect(mentor, 'Marple enjoyed every minute')).status).toBe(200);

    const own = await mentee.get('/people/pd-mentee/personal-data');
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      service: 'matching',
      userId: 'pd-mentee',
      directory: {
        displayName: 'Mentee Poirot',
        email: 'poirot@example.com',
        jobTitle: 'Inspector',
        active: true,
      },
      enrolments: [{ programId, roles: ['mentee'], facets: { department: 'legal' } }],
      relationships: [
        {
          relationshipId: proposal.relationshipId,
          role: 'mentee',
          mentorIds: ['pd-mentor'],
          reflectionComment: 'Poirot learnt patience',
        },
      ],
      matchRunPairs: [
        { runId: run.body.runId, menteeId: own.body.enrolments[0].participantId, status: 'published' },
      ],
      importedRows: [{ programId, fields: { userId: 'pd-mentee', email: 'poirot@example.com' } }],
    });
    const text = JSON.stringify(own.body);
    for (const theirs of [
      'Mentor Marple',
      'marple@example.com',
      'Detective',
      'Marple enjoyed every minute',
      'finance',
    ])
      expect(text).not.toContain(theirs);

    const asAdmin = await api.as(tenant, 'root', ['platform-admin']).get('/people/pd-mentee/personal-data');
    expect(asAdmin.body).toEqual(own.body);
    const asMentor = await mentor.get('/people/pd-mentee/personal-data');
    expect(asMentor.status).toBe(403);
    const otherTenant = await api
      .as(`${tenant}-other`, 'root', ['platform-admin'])
      .get('/people/pd-mentee/personal-data');
    expect(otherTenant.body).toMatchObject({
      directory: null,
      enrolments: [],
      relationships: [],
      importedRows: [],
    });
  });

  it('answers 404 for a person it does not know, and 503 while the other services’ addresses are not configured', async () => {
    const tenant = `personal-${randomUUID().slice(0, 8)}`;
    const admin = api.as(tenant, 'admin-1', ['program-admin']);
    const created = await admin.post('/programs', { name: 'Export', type: 'one-to-one', settings: {} });
    await admin.post(`/programs/${String(created.body.programId)}/participants`, {
      userId: 'known',
      roles: ['mentee'],
      profile: {},
    });
    const nobody = await api.as(tenant, 'nobody', ['participant']).get('/people/nobody/export');
    expect(nobody.status).toBe(404);
    const answer = await api.as(tenant, 'known', ['participant']).get('/people/known/export');
    expect(answer.status).toBe(503);
    expect(JSON.stringify(answer.body)).toMatch(/PERSONAL_DATA_SOURCES is not set/);
  });
});
