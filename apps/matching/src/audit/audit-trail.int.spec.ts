import { randomUUID } from 'node:crypto';
import { startMatchingApi, type ApiClient, type MatchingApi } from '../matching-api.test-kit';

interface Entry {
  version: number;
  type: string;
  at: string;
  by: string | null;
  changes: Record<string, unknown>;
}

describe('the audit trail of programs and relationships', () => {
  let api: MatchingApi;
  let admin: ApiClient;
  const tenant = `audit-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    api = await startMatchingApi();
    admin = api.as(tenant, 'admin-1', ['program-admin']);
  });
  afterAll(() => api.close());

  it("lists who changed a program's settings, weights and rules, when, and to what", async () => {
    const created = await admin.post('/programs', {
      name: 'Confidential Pilot Name',
      type: 'one-to-one',
      settings: { minimumScore: 40, criteriaWeights: { skills: 100 } },
    });
    const programId = String(created.body.programId);
    const changed = await admin.patch(
      `/programs/${programId}`,
      { settings: { minimumScore: 60, criteriaWeights: { skills: 70, languages: 30 } } },
      { 'if-match': `"${String(created.body.version)}"` },
    );
    expect(changed.status).toBe(200);
    await api.as(tenant, 'admin-1', ['program-admin']).post(`/programs/${programId}/open-enrolment`);

    const history = await admin.get(`/programs/${programId}/history`);
    expect(history.status).toBe(200);
    const entries = history.body.items as Entry[];
    expect(entries.map((e) => [e.version, e.type, e.by])).toEqual([
      [1, 'matching.program.created', 'admin-1'],
      [2, 'matching.program.updated', 'admin-1'],
      [3, 'matching.program.enrolment-opened', 'admin-1'],
    ]);
    expect(entries[0]?.changes).toMatchObject({ programType: 'one-to-one', settings: { minimumScore: 40 } });
    expect(entries[1]?.changes).toEqual({
      changes: expect.objectContaining({ minimumScore: 60, criteriaWeights: { skills: 70, languages: 30 } }),
    });
    expect(Date.parse(entries[1]!.at)).toBeGreaterThanOrEqual(Date.parse(entries[0]!.at));
    expect(JSON.stringify(history.body)).not.toContain('Confidential Pilot Name');

    const first = await admin.get(`/programs/${programId}/history?limit=2`);
    expect((first.body.items as Entry[]).map((e) => e.version)).toEqual([1, 2]);
    const rest = await admin.get(
      `/programs/${programId}/history?limit=2&cursor=${String(first.body.nextCursor)}`,
    );
    expect((rest.body.items as Entry[]).map((e) => e.version)).toEqual([3]);
    expect(rest.body.nextCursor).toBeUndefined();

    expect(
      (await api.as(tenant, 'someone', ['participant']).get(`/programs/${programId}/history`)).status,
    ).toBe(403);
    expect(
      (await api.as('another-tenant', 'admin-1', ['program-admin']).get(`/programs/${programId}/history`))
        .status,
    ).toBe(404);
  });

  it("lists a relationship's way from proposal to start for its admins, not for its parties", async () => {
    const n = randomUUID().slice(0, 6);
    const program = await admin.post('/programs', {
      name: 'Pairs',
      type: 'one-to-one',
      settings: { acceptance: 'admin-approval' },
    });
    const programId = String(program.body.programId);
    await admin.post(`/programs/${programId}/open-enrolment`);
    const enrol = async (userId: string, role: string) =>
      String(
        (await admin.post(`/programs/${programId}/participants`, { userId, roles: [role], capacity: 1 })).body
          .participantId,
      );
    const proposal = await admin.post('/relationships', {
      programId,
      mentorId: await enrol(`mentor-${n}`, 'mentor'),
      menteeIds: [await enrol(`mentee-${n}`, 'mentee')],
    });
    const relationshipId = String(proposal.body.relationshipId);
    await admin.post(`/relationships/${relationshipId}/accept`);

    const history = await admin.get(`/relationships/${relationshipId}/history`);
    const types = (history.body.items as Entry[]).map((e) => e.type);
    expect(types[0]).toBe('matching.relationship.proposed');
    expect(types.at(-1)).toBe('matching.relationship.started');
    expect((history.body.items as Entry[])[0]?.changes).toMatchObject({
      mentorIds: [`mentor-${n}`],
      source: 'admin',
    });
    const party = api.as(tenant, `mentee-${n}`, ['participant']);
    expect((await party.get(`/relationships/${relationshipId}`)).status).toBe(200);
    expect((await party.get(`/relationships/${relationshipId}/history`)).status).toBe(403);
  });
});
