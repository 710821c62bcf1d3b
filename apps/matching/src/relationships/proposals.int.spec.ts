import { randomUUID } from 'node:crypto';
import { Clock } from '../infrastructure/clock';
import { startMatchingApi, type ApiClient, type MatchingApi } from '../matching-api.test-kit';
import { ProposalExpiry } from './expire-proposals/proposal-expiry';

const profile = { languages: ['en'], skillsOffered: [], skillsSought: [], focusAreas: [] };
const DAY = 86_400_000;

describe('proposals: declined with a reason, expired by the sweep', () => {
  let api: MatchingApi;
  let admin: ApiClient;
  const tenant = `prop-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    api = await startMatchingApi({ consumeEvents: true });
    admin = api.as(tenant, 'admin-1', ['program-admin']);
  });
  afterAll(() => api.close());

  /** A self-select program with one mentor of capacity 1 and three mentees, who ask for them themselves. */
  async function selfSelectProgram() {
    const n = randomUUID().slice(0, 6);
    const program = await admin.post('/programs', {
      name: 'Self-select',
      type: 'one-to-one',
      settings: { matchingMode: 'self-select', proposalTtlDays: 7 },
    });
    const programId = program.body.programId as string;
    await admin.post(`/programs/${programId}/open-enrolment`);
    const mentor = await admin.post(`/programs/${programId}/participants`, {
      userId: `mentor-${n}`,
      roles: ['mentor'],
      capacity: 1,
      profile,
    });
    const mentees = ['a', 'b', 'c'].map((m) => `mentee-${m}-${n}`);
    for (const userId of mentees)
      await admin.post(`/programs/${programId}/participants`, { userId, roles: ['mentee'], profile });
    const request = (userId: string) =>
      api
        .as(tenant, userId, ['participant'])
        .post('/relationships', { programId, mentorId: mentor.body.participantId });
    return { programId, mentorUserId: `mentor-${n}`, mentees, request };
  }

  it("takes a party's decline with its reason, announces it, and frees the mentor for the next request", async () => {
    const { mentorUserId, mentees, request } = await selfSelectProgram();
    const first = await request(mentees[0]!);
    expect(first.status).toBe(201);
    // A pending request holds the mentor's only place.
    expect((await request(mentees[1]!)).body.code).toBe('mentor-at-capacity');

    const mentor = api.as(tenant, mentorUserId, ['participant']);
    const path = `/relationships/${first.body.relationshipId}`;
    const declined = await mentor.post(`${path}/decline`, { reason: 'schedule-conflict' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', version: 3 });
    expect((await mentor.post(`${path}/decline`, { reason: 'other' })).body.code).toBe(
      'transition-not-allowed',
    );
    expect((await mentor.post(`${path}/decline`, {})).status).toBe(400);

    await api.waitForEvents((events) =>
      events.some(
        (e) =>
          e.type === 'matching.relationship.declined' && e.data.relationshipId === first.body.relationshipId,
      ),
    );
    const event = api.events.find(
      (e) =>
        e.type === 'matching.relationship.declined' && e.data.relationshipId === first.body.relationshipId,
    );
    expect(event?.data).toMatchObject({ participantId: mentorUserId, reason: 'schedule-conflict' });
    const next = await request(mentees[1]!);
    expect(next.status).toBe(201);
    // An admin may decline for the parties.
    const byAdmin = await admin.post(`/relationships/${next.body.relationshipId}/decline`, {
      reason: 'mentor-on-leave',
    });
    expect(byAdmin.body).toMatchObject({ status: 'declined' });
  });

  it('expires unanswered proposals at their expiry by the clock, announces each once, and frees their capacity', async () => {
    const { mentees, request } = await selfSelectProgram();
    const waiting = await request(mentees[0]!);
    expect(waiting.body.status).toBe('proposed');
    expect((await request(mentees[1]!)).body.code).toBe('mentor-at-capacity');

    const clock = api.app.get(Clock);
    const sweepAt = async (at: Date) => {
      const now = jest.spyOn(clock, 'now').mockReturnValue(at);
      try {
        return await api.app.get(ProposalExpiry).sweep();
      } finally {
        now.mockRestore();
      }
    };
    const expiresAt = new Date(waiting.body.expiresAt as string);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(6 * DAY);
    expect(await sweepAt(new Date(expiresAt.getTime() - 60_000))).toBe(0);
    expect((await admin.get(`/relationships/${waiting.body.relationshipId}`)).body.status).toBe('proposed');

    expect(await sweepAt(new Date(expiresAt.getTime() + 60_000))).toBe(1);
    expect(await sweepAt(new Date(expiresAt.getTime() + 120_000))).toBe(0);
    expect((await admin.get(`/relationships/${waiting.body.relationshipId}`)).body).toMatchObject({
      status: 'expired',
      version: 3,
    });
    await api.waitForEvents((events) =>
      events.some(
        (e) =>
          e.type === 'matching.relationship.expired' && e.data.relationshipId === waiting.body.relationshipId,
      ),
    );
    expect(
      api.events.filter(
        (e) =>
          e.type === 'matching.relationship.expired' && e.data.relationshipId === waiting.body.relationshipId,
      ),
    ).toHaveLength(1);
    // The place it held is free again, and the expired proposal can no longer be accepted.
    expect((await request(mentees[1]!)).status).toBe(201);
    const late = await admin.post(`/relationships/${waiting.body.relationshipId}/accept`);
    expect(late.status).toBe(409);
  });
});
