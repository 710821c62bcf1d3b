import { randomUUID } from 'node:crypto';
import { waitFor } from '@tandem/testing';
import { completedRun, startMatchingApi, type ApiClient, type MatchingApi } from '../matching-api.test-kit';

/** Screens show names: proposals, relationships and match runs name their people when asked. */
describe('display names from the people directory', () => {
  let api: MatchingApi;
  beforeAll(async () => {
    api = await startMatchingApi();
  });
  afterAll(() => api.close());

  async function openProgram(admin: ApiClient): Promise<string> {
    const program = await admin.post('/programs', {
      name: 'Names',
      type: 'one-to-one',
      settings: { minimumScore: 0, defaultMentorCapacity: 1 },
    });
    const programId = String(program.body.programId);
    await admin.post(`/programs/${programId}/open-enrolment`);
    return programId;
  }

  it('for people who came in by the HR file: run, proposal and relationship show their names and photos', async () => {
    const tenant = `names-csv-${randomUUID().slice(0, 8)}`;
    const admin = api.as(tenant, 'admin-1', ['program-admin']);
    const programId = await openProgram(admin);
    const csv = [
      'userId,roles,languages,displayName,email,jobTitle,photoUrl',
      'csv-mentor,mentor,en,Ada Lovelace,ada@example.com,Engineer,https://photos.example.com/ada.png',
      'csv-mentee,mentee,en,Grace Hopper,grace@example.com,Analyst,',
      'csv-bad,mentee,en,Nobody,not-an-email,,',
    ].join('\n');
    const accepted = await admin.send('POST', `/programs/${programId}/participants/import`, csv, 'text/csv');
    expect(accepted.status).toBe(202);
    const job = await waitFor(
      async () => {
        const polled = await admin.get(
          `/programs/${programId}/participant-imports/${String(accepted.body.jobId)}`,
        );
        return polled.body.status === 'completed' && polled.body;
      },
      { description: 'the import to finish', timeoutMs: 30_000 },
    );
    expect(job.progress).toMatchObject({ enrolled: 2, rejected: 1 });

    const run = await completedRun(admin, programId, {});
    expect(run.body.pairs).toHaveLength(1);
    const named = await admin.get(
      `/programs/${programId}/match-runs/${String(run.body.runId)}?include=people`,
    );
    const pair = (named.body.pairs as { menteeId: string; mentorId: string }[])[0]!;
    expect(named.body.people).toEqual({
      [pair.mentorId]: {
        userId: 'csv-mentor',
        displayName: 'Ada Lovelace',
        photoUrl: 'https://photos.example.com/ada.png',
        active: true,
      },
      [pair.menteeId]: { userId: 'csv-mentee', displayName: 'Grace Hopper', photoUrl: null, active: true },
    });
    const suggestions = await admin.get(
      `/programs/${programId}/suggestions?menteeId=${pair.menteeId}&include=people`,
    );
    expect(suggestions.body.people).toMatchObject({
      [pair.menteeId]: { displayName: 'Grace Hopper' },
      [pair.mentorId]: { displayName: 'Ada Lovelace' },
    });
    // Without asking, the answer is as before.
    expect(
      (await admin.get(`/programs/${programId}/match-runs/${String(run.body.runId)}`)).body.people,
    ).toBeUndefined();

    await admin.post(`/programs/${programId}/match-runs/${String(run.body.runId)}/publish`);
    const proposals = await admin.get(`/relationships?programId=${programId}&status=proposed&include=people`);
    expect(proposals.body.items).toHaveLength(1);
    expect(proposals.body.people).toMatchObject({
      'csv-mentor': { displayName: 'Ada Lovelace' },
      'csv-mentee': { displayName: 'Grace Hopper' },
    });
    const relationshipId = String((proposals.body.items as { relationshipId: string }[])[0]!.relationshipId);
    const one = await admin.get(`/relationships/${relationshipId}?include=people`);
    expect(one.body.people).toMatchObject({ 'csv-mentee': { displayName: 'Grace Hopper' } });
    expect((await admin.get(`/relationships/${relationshipId}?include=everything`)).status).toBe(400);
  });

  it('for people provisioned by SCIM: a proposal shows their names, and who was deactivated', async () => {
    const tenant = `names-scim-${randomUUID().slice(0, 8)}`;
    const platformAdmin = api.as(tenant, 'it-admin', ['platform-admin']);
    const token = String((await platformAdmin.post('/scim-tokens')).body.token);
    const provision = (userId: string, displayName: string, active = true) =>
      fetch(`${api.url}/api/matching/v1/scim/v2/Users`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' },
        body: JSON.stringify({
          userName: `${userId}@example.com`,
          externalId: userId,
          displayName,
          emails: [{ value: `${userId}@example.com`, type: 'work' }],
          active,
        }),
      });
    expect((await provision('scim-mentor', 'Katherine Johnson')).status).toBe(201);
    expect((await provision('scim-mentee', 'Dorothy Vaughan', false)).status).toBe(201);

    const admin = api.as(tenant, 'admin-1', ['program-admin']);
    const programId = await openProgram(admin);
    const profile = { languages: ['en'], skillsOffered: [], skillsSought: [], focusAreas: [] };
    const mentor = await admin.post(`/programs/${programId}/participants`, {
      userId: 'scim-mentor',
      roles: ['mentor'],
      profile,
    });
    const mentee = await admin.post(`/programs/${programId}/participants`, {
      userId: 'scim-mentee',
      roles: ['mentee'],
      profile,
    });
    const proposal = await admin.post('/relationships', {
      programId,
      mentorId: mentor.body.participantId,
      menteeIds: [mentee.body.participantId],
    });
    expect(proposal.status).toBe(201);
    const read = await admin.get(`/relationships/${String(proposal.body.relationshipId)}?include=people`);
    expect(read.body.people).toEqual({
      'scim-mentor': {
        userId: 'scim-mentor',
        displayName: 'Katherine Johnson',
        photoUrl: null,
        active: true,
      },
      'scim-mentee': { userId: 'scim-mentee', displayName: 'Dorothy Vaughan', photoUrl: null, active: false },
    });
  });
});
