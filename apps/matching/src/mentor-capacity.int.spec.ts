import { randomUUID } from 'node:crypto';
import { startMatchingApi, type ApiClient, type MatchingApi } from './matching-api.test-kit';

describe('mentor capacity and bulk enrolment', () => {
  let api: MatchingApi;
  let admin: ApiClient;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    api = await startMatchingApi();
    admin = api.as(tenant, 'admin-1', ['program-admin']);
  });
  afterAll(() => api.close());

  async function openProgram(settings: Record<string, unknown> = {}): Promise<string> {
    const program = await admin.post('/programs', {
      name: 'Capacity',
      type: 'one-to-one',
      settings: { acceptance: 'admin-approval', ...settings },
    });
    await admin.post(`/programs/${program.body.programId}/open-enrolment`);
    return program.body.programId;
  }

  it('never lets a mentor exceed capacity, however many acceptances race', async () => {
    const programId = await openProgram();
    const mentor = await admin.post(`/programs/${programId}/participants`, {
      userId: 'mentor-1',
      roles: ['mentor'],
      capacity: 2,
    });
    const mentees = Array.from({ length: 6 }, (_, i) => `mentee-${i}`);
    for (const userId of mentees)
      await admin.post(`/programs/${programId}/participants`, { userId, roles: ['mentee'] });
    const participants = (await admin.get(`/programs/${programId}/participants?role=mentee`)).body.items as {
      participantId: string;
    }[];
    // Six admin proposals while capacity is still free (proposals do not hold capacity)...
    const proposals = [];
    for (const mentee of participants) {
      proposals.push(
        (
          await admin.post('/relationships', {
            programId,
            mentorId: mentor.body.participantId,
            menteeIds: [mentee.participantId],
          })
        ).body,
      );
    }
    expect(proposals.every((p) => p.status === 'proposed')).toBe(true);
    // ...then all approved at once: exactly two start.
    const answers = await Promise.all(
      proposals.map((p) => admin.post(`/relationships/${p.relationshipId}/accept`)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'mentor-at-capacity')).toBe(
      true,
    );
    const active = (await admin.get(`/relationships?programId=${programId}&status=active`)).body.items;
    expect(active).toHaveLength(2);

    // Ending one frees its slot for a waiting proposal.
    await admin.post(`/relationships/${active[0].relationshipId}/end`, { reason: 'goals-achieved' });
    const waiting = proposals.filter(
      (p) => !active.some((a: { relationshipId: string }) => a.relationshipId === p.relationshipId),
    );
    expect((await admin.post(`/relationships/${waiting[0].relationshipId}/accept`)).body.status).toBe(
      'active',
    );
    expect((await admin.post(`/relationships/${waiting[1].relationshipId}/accept`)).status).toBe(409);
  });

  it('enrols a CSV export row by row, reporting rejected rows, and refuses a malformed file whole', async () => {
    const programId = await openProgram();
    const csv = [
      'userId,roles,capacity,department,level,languages,skillsOffered,skillsSought',
      'u-1,mentor,3,Engineering,7,en;fr,"negotiation;public speaking",',
      'u-2,mentee,,Sales,2,en,,negotiation',
      'u-3,boss,,Sales,2,en,,',
      'u-4,mentee,,Sales,high,en,,',
      'u-2,mentee,,Sales,2,en,,',
    ].join('\n');
    const imported = await admin.send('POST', `/programs/${programId}/participants/import`, csv, 'text/csv');
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ rows: 5, enrolled: 2, dryRun: false });
    expect(imported.body.rejected).toEqual([
      { line: 4, userId: 'u-3', problems: [expect.objectContaining({ field: 'roles' })] },
      { line: 5, userId: 'u-4', problems: [expect.objectContaining({ field: 'level' })] },
      { line: 6, userId: 'u-2', problems: [{ field: 'userId', message: 'appears on an earlier row' }] },
    ]);
    const enrolled = (await admin.get(`/programs/${programId}/participants`)).body.items;
    expect(enrolled.map((p: { userId: string }) => p.userId).sort()).toEqual(['u-1', 'u-2']);
    expect(enrolled.find((p: { userId: string }) => p.userId === 'u-1').profile.skillsOffered).toEqual([
      'negotiation',
      'public speaking',
    ]);

    for (const malformed of [
      'userId,roles\nu-9,mentee\nu-10,"mentee\n',
      'userId,roles,shoeSize\nu-9,mentee,44\n',
      'userId\nu-9\n',
    ]) {
      const refused = await admin.send(
        'POST',
        `/programs/${programId}/participants/import`,
        malformed,
        'text/csv',
      );
      expect(refused.status).toBe(400);
    }
    expect((await admin.get(`/programs/${programId}/participants`)).body.total).toBe(2);
  });
});
