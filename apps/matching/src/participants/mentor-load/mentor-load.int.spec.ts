import { randomUUID } from 'node:crypto';
import { MentorCapacity } from '../../infrastructure/mentor-capacity';
import { startMatchingApi, type ApiClient, type MatchingApi } from '../../matching-api.test-kit';

describe("a mentor's load across programs", () => {
  let api: MatchingApi;
  let admin: ApiClient;
  const tenant = `load-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    api = await startMatchingApi();
    admin = api.as(tenant, 'admin-1', ['program-admin']);
  });
  afterAll(() => api.close());

  const profile = { languages: ['en'], skillsOffered: ['negotiation'], skillsSought: ['negotiation'] };

  /** An admin-approval program where `mentorUserId` mentors (capacity 3) and one mentee has their proposal. */
  async function programWithProposal(mentorUserId: string, extra: Record<string, unknown> = {}) {
    const program = await admin.post('/programs', {
      name: 'Load',
      type: 'one-to-one',
      settings: { acceptance: 'admin-approval', matchingMode: 'hybrid', criteriaWeights: { skills: 100 } },
    });
    const programId = program.body.programId as string;
    await admin.post(`/programs/${programId}/open-enrolment`);
    const mentor = await admin.post(`/programs/${programId}/participants`, {
      userId: mentorUserId,
      roles: ['mentor'],
      capacity: 3,
      profile,
      ...extra,
    });
    const menteeUserId = `mentee-${randomUUID().slice(0, 6)}`;
    const mentee = await admin.post(`/programs/${programId}/participants`, {
      userId: menteeUserId,
      roles: ['mentee'],
      profile,
    });
    const proposal = await admin.post('/relationships', {
      programId,
      mentorId: mentor.body.participantId,
      menteeIds: [mentee.body.participantId],
    });
    return { programId, relationshipId: proposal.body.relationshipId as string, menteeUserId };
  }

  it('is one overall capacity per person, set and read by the person or an admin, nobody else', async () => {
    const mentor = api.as(tenant, 'mentor-self', ['participant']);
    expect((await mentor.get('/mentors/mentor-self/load')).body).toEqual({
      userId: 'mentor-self',
      version: 0,
      active: 0,
      proposed: 0,
      programs: [],
    });
    const set = await mentor.patch('/mentors/mentor-self/load', { overallCapacity: 2 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ overallCapacity: 2, version: 1 });
    expect(set.headers.get('etag')).toBe('"1"');
    const other = api.as(tenant, 'someone-else', ['participant']);
    expect((await other.get('/mentors/mentor-self/load')).status).toBe(403);
    expect((await other.patch('/mentors/mentor-self/load', { overallCapacity: 9 })).status).toBe(403);
    const stale = await admin.patch(
      '/mentors/mentor-self/load',
      { overallCapacity: 4 },
      { 'if-match': '"0"' },
    );
    expect(stale.status).toBe(412);
    expect((await admin.patch('/mentors/mentor-self/load', { overallCapacity: 4 })).body).toMatchObject({
      overallCapacity: 4,
      version: 2,
    });
    // An enrolment naming another cap does not change the person's.
    const { programId } = await programWithProposal('mentor-self', { overallCapacity: 9 });
    const load = (await mentor.get('/mentors/mentor-self/load')).body;
    expect(load).toMatchObject({ overallCapacity: 4, version: 2, proposed: 1, active: 0 });
    expect(load.programs).toEqual([{ programId, capacity: 3, active: 0, proposed: 1 }]);
    const removed = await mentor.patch('/mentors/mentor-self/load', { overallCapacity: null });
    expect(removed.body).not.toHaveProperty('overallCapacity');
  });

  it('never lets two programs’ approvals racing take a mentor beyond their overall capacity', async () => {
    const mentorUserId = `mentor-${randomUUID().slice(0, 6)}`;
    await admin.patch(`/mentors/${mentorUserId}/load`, { overallCapacity: 1 });
    const first = await programWithProposal(mentorUserId);
    const second = await programWithProposal(mentorUserId);
    // Both programs have room (capacity 3 each): only the person's cap of 1 stands in the way.
    const answers = await Promise.all(
      [first, second].map((p) => admin.post(`/relationships/${p.relationshipId}/accept`)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)?.body.code).toBe('mentor-at-capacity');
    const scope = await api.app
      .get(MentorCapacity)
      .scopes.findOne({ _id: `${tenant}/user/${mentorUserId}`, tenantId: tenant });
    expect(scope).toMatchObject({ capacity: 1, used: 1 });
    const load = (await admin.get(`/mentors/${mentorUserId}/load`)).body;
    expect(load).toMatchObject({ overallCapacity: 1, active: 1, proposed: 1 });
    expect(load.programs).toHaveLength(2);
  });

  it("keeps a mentor at their overall capacity out of every program's matching", async () => {
    const mentorUserId = `mentor-${randomUUID().slice(0, 6)}`;
    await admin.patch(`/mentors/${mentorUserId}/load`, { overallCapacity: 1 });
    const busy = await programWithProposal(mentorUserId);
    await admin.post(`/relationships/${busy.relationshipId}/accept`);
    const other = await programWithProposal(`mentor-${randomUUID().slice(0, 6)}`);
    await admin.post(`/programs/${other.programId}/participants`, {
      userId: mentorUserId,
      roles: ['mentor'],
      capacity: 3,
      profile,
    });
    const menteeClient = api.as(tenant, other.menteeUserId, ['participant']);
    const suggested = async () =>
      (await menteeClient.get(`/programs/${other.programId}/suggestions`)).body.items.map(
        (s: { mentorUserId?: string; userId?: string; mentorId: string }) => s.mentorId,
      );
    const mentorParticipants = (await admin.get(`/programs/${other.programId}/participants?role=mentor`)).body
      .items;
    const capped = mentorParticipants.find(
      (p: { userId: string }) => p.userId === mentorUserId,
    ).participantId;
    expect(await suggested()).not.toContain(capped);
    // Room again across programs: suggested again.
    await admin.patch(`/mentors/${mentorUserId}/load`, { overallCapacity: 2 });
    expect(await suggested()).toContain(capped);
  });
});
