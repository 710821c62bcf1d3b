import { randomUUID } from 'node:crypto';
import { startMatchingApi, type ApiClient, type MatchingApi } from '../../matching-api.test-kit';

describe('the mutual agreement over HTTP', () => {
  let api: MatchingApi;
  let admin: ApiClient;
  const tenant = `agree-${randomUUID().slice(0, 8)}`;
  beforeAll(async () => {
    api = await startMatchingApi({ consumeEvents: true });
    admin = api.as(tenant, 'admin-1', ['program-admin']);
  });
  afterAll(() => api.close());

  /** A started relationship between a new mentor and mentee (admin-approval program). */
  async function startedRelationship() {
    const n = randomUUID().slice(0, 6);
    const program = await admin.post('/programs', {
      name: 'Agreements',
      type: 'one-to-one',
      settings: { acceptance: 'admin-approval' },
    });
    const programId = program.body.programId as string;
    await admin.post(`/programs/${programId}/open-enrolment`);
    const enrol = (userId: string, roles: string[]) =>
      admin.post(`/programs/${programId}/participants`, { userId, roles, capacity: 1 });
    const mentor = await enrol(`mentor-${n}`, ['mentor']);
    const mentee = await enrol(`mentee-${n}`, ['mentee']);
    const proposal = await admin.post('/relationships', {
      programId,
      mentorId: mentor.body.participantId,
      menteeIds: [mentee.body.participantId],
    });
    const path = `/relationships/${proposal.body.relationshipId}`;
    expect((await admin.post(`${path}/accept`)).body.status).toBe('active');
    return {
      path,
      relationshipId: proposal.body.relationshipId as string,
      mentor: api.as(tenant, `mentor-${n}`, ['participant']),
      mentee: api.as(tenant, `mentee-${n}`, ['participant']),
      mentorId: `mentor-${n}`,
      menteeId: `mentee-${n}`,
    };
  }

  const terms = {
    goals: ['Lead a cross-team project', 'Negotiate a vendor contract'],
    sessionsPerMonth: 2,
    channel: 'video',
    confidentialityAcknowledged: true,
  };
  const paris = { timeZone: 'Europe/Paris', windows: [{ day: 'tue', from: '09:00', to: '11:30' }] };
  const newYork = { timeZone: 'America/New_York', windows: [{ day: 'thu', from: '08:00', to: '09:00' }] };

  it('shows "agreed" only once every party confirmed the same version, and asks again after a change', async () => {
    const { path, relationshipId, mentor, mentee, mentorId, menteeId } = await startedRelationship();
    const proposed = await mentee.post(`${path}/agreement`, { ...terms, availability: paris });
    expect(proposed.status).toBe(200);
    expect(proposed.body.agreement).toEqual({
      version: 1,
      status: 'proposed',
      proposedBy: menteeId,
      confirmedBy: [menteeId],
      sessionsPerMonth: 2,
      channel: 'video',
      confidentiality: 'pair-only',
      availability: [{ participantId: menteeId, ...paris }],
      goals: terms.goals,
    });

    const agreed = await mentor.post(`${path}/agreement/confirm`, { version: 1 });
    expect(agreed.status).toBe(200);
    expect(agreed.body.agreement).toMatchObject({
      version: 1,
      status: 'agreed',
      confirmedBy: [menteeId, mentorId],
    });
    expect((await mentor.post(`${path}/agreement/confirm`, { version: 1 })).body.code).toBe(
      'already-confirmed',
    );

    // The mentor adds their own availability: a new version, not agreed until the mentee confirms it.
    const changed = await mentor.post(`${path}/agreement`, {
      ...terms,
      channel: 'in-person',
      confidentiality: 'pair-and-program-admins',
      availability: newYork,
    });
    expect(changed.body.agreement).toMatchObject({
      version: 2,
      status: 'proposed',
      confirmedBy: [mentorId],
      channel: 'in-person',
      availability: expect.arrayContaining([
        { participantId: menteeId, ...paris },
        { participantId: mentorId, ...newYork },
      ]),
    });
    const stale = await mentee.post(`${path}/agreement/confirm`, { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('agreement-version-changed');
    expect((await mentee.post(`${path}/agreement/confirm`, { version: 2 })).body.agreement).toMatchObject({
      version: 2,
      status: 'agreed',
    });

    await api.waitForEvents(
      (events) =>
        events.filter(
          (e) =>
            e.type === 'matching.relationship.agreement-recorded' && e.data.relationshipId === relationshipId,
        ).length === 2,
    );
    const ofRelationship = api.events.filter((e) => e.metadata.streamId === `relationship-${relationshipId}`);
    expect(ofRelationship.map((e) => e.type.replace('matching.relationship.', '')).slice(3)).toEqual([
      'agreement-proposed',
      'agreement-confirmed',
      'agreement-confirmed',
      'agreement-recorded',
      'agreement-proposed',
      'agreement-confirmed',
      'agreement-confirmed',
      'agreement-recorded',
    ]);
    // The goals are free text: kept in the service, never on an event.
    expect(JSON.stringify(ofRelationship)).not.toMatch(/cross-team|vendor contract/);
  });

  it('refuses non-parties, confirming before a proposal, and availability that is no time zone or window', async () => {
    const { path, mentee } = await startedRelationship();
    expect((await mentee.post(`${path}/agreement/confirm`, { version: 1 })).body.code).toBe(
      'no-agreement-proposed',
    );
    expect((await admin.post(`${path}/agreement`, terms)).status).toBe(403);
    const stranger = api.as(tenant, 'stranger', ['participant']);
    expect((await stranger.post(`${path}/agreement/confirm`, { version: 1 })).status).toBe(404);

    const badZone = await mentee.post(`${path}/agreement`, {
      ...terms,
      availability: { ...paris, timeZone: 'Mars/Olympus' },
    });
    expect(badZone.status).toBe(400);
    expect(badZone.body.errors).toEqual([expect.objectContaining({ path: 'availability.timeZone' })]);
    const backwards = await mentee.post(`${path}/agreement`, {
      ...terms,
      availability: { ...paris, windows: [{ day: 'mon', from: '10:00', to: '09:00' }] },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.code).toBe('invalid-window');
  });
});
