import { randomUUID } from 'node:crypto';
import { startMatchingApi, type ApiClient, type MatchingApi, completedRun } from './matching-api.test-kit';

const profile = (overrides: Record<string, unknown> = {}) => ({
  department: 'Engineering',
  location: 'Paris',
  timezone: 'Europe/Paris',
  level: 3,
  languages: ['en', 'fr'],
  skillsOffered: [],
  skillsSought: [],
  focusAreas: [],
  ...overrides,
});

describe('a program from creation through enrolment, match runs, publication and a relationship', () => {
  let api: MatchingApi;
  const tenant = `acme-${randomUUID().slice(0, 8)}`;
  let admin: ApiClient;
  beforeAll(async () => {
    api = await startMatchingApi({ consumeEvents: true });
    admin = api.as(tenant, 'admin-1', ['program-admin']);
  });
  afterAll(() => api.close());

  it('runs the whole lifecycle through the HTTP API, with its events on Kafka', async () => {
    const traceId = randomUUID().replace(/-/g, '');
    const created = await admin.post(
      '/programs',
      {
        name: 'Engineering leadership 2027',
        type: 'one-to-one',
        settings: {
          criteriaWeights: { skills: 60, languages: 20, seniority: 20 },
          minimumScore: 10,
          defaultMentorCapacity: 1,
        },
      },
      { traceparent: `00-${traceId}-00f067aa0ba902b7-01`, 'x-request-id': 'req-create-program' },
    );
    expect(created.headers.get('x-request-id')).toBe('req-create-program');
    expect(created.headers.get('traceparent')).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    const programId = created.body.programId as string;
    expect(created.body).toMatchObject({
      name: 'Engineering leadership 2027',
      status: 'draft',
      programType: 'one-to-one',
      settings: { adminIds: ['admin-1'] },
    });

    expect((await admin.post(`/programs/${programId}/launch`)).status).toBe(409);
    expect((await admin.post(`/programs/${programId}/open-enrolment`)).body.status).toBe('enrolment-open');

    // Two mentors, two mentees: mentee A wants negotiation (mentor X), mentee B wants design (mentor Y).
    const mentorX = api.as(tenant, 'mentor-x', ['participant']);
    const enrolX = await mentorX.post(`/programs/${programId}/participants`, {
      roles: ['mentor'],
      profile: profile({ level: 6, skillsOffered: ['negotiation'] }),
    });
    expect(enrolX.status).toBe(201);
    const enrol = (userId: string, roles: string[], p: Record<string, unknown>) =>
      admin.post(`/programs/${programId}/participants`, { userId, roles, profile: profile(p) });
    expect((await enrol('mentor-y', ['mentor'], { level: 6, skillsOffered: ['design'] })).status).toBe(201);
    expect((await enrol('mentee-a', ['mentee'], { skillsSought: ['negotiation'] })).status).toBe(201);
    const menteeB = await enrol('mentee-b', ['mentee'], { skillsSought: ['design'] });
    expect(menteeB.status).toBe(201);
    expect((await mentorX.post(`/programs/${programId}/participants`, { roles: ['mentor'] })).status).toBe(
      409,
    );
    const menteeBClient = api.as(tenant, 'mentee-b', ['participant']);
    const edited = await menteeBClient.patch(
      `/programs/${programId}/participants/${menteeB.body.participantId}`,
      { profile: { focusAreas: ['leadership'] } },
    );
    expect(edited.status).toBe(200);
    expect(edited.body.profile).toMatchObject({ skillsSought: ['design'], focusAreas: ['leadership'] });
    expect(
      (
        await menteeBClient.patch(`/programs/${programId}/participants/${enrolX.body.participantId}`, {
          profile: { level: 1 },
        })
      ).status,
    ).toBe(404);
    expect((await admin.get(`/programs/${programId}/participants`)).body.items).toHaveLength(4);
    expect((await admin.post(`/programs/${programId}/close-enrolment`)).body.status).toBe('enrolment-closed');

    // Two drafts: skills-led, then a run where skills do not count; compare before publishing.
    const skillsRun = await completedRun(admin, programId, {});
    expect(skillsRun.status).toBe(200);
    expect(skillsRun.body).toMatchObject({
      status: 'draft',
      optimal: true,
      report: { matched: 2, unmatched: 0 },
    });
    const pairOf = (run: { pairs: { menteeId: string; mentorId: string }[] }, menteeId: string) =>
      run.pairs.find((p) => p.menteeId === menteeId)?.mentorId;
    expect(pairOf(skillsRun.body, menteeB.body.participantId)).not.toBe(enrolX.body.participantId);
    expect(
      skillsRun.body.pairs[0].breakdown.find((c: { criterion: string }) => c.criterion === 'skills')
        .explanation,
    ).toMatch(/negotiation|design/);
    const languageRun = await completedRun(admin, programId, {
      criteriaWeights: { languages: 100 },
    });
    const comparison = await admin.get(
      `/programs/${programId}/match-runs/${languageRun.body.runId}/compare?with=${skillsRun.body.runId}`,
    );
    expect(comparison.status).toBe(200);
    expect(comparison.body.figures.find((f: { name: string }) => f.name === 'matched')).toMatchObject({
      before: 2,
      after: 2,
    });

    const published = await admin.post(`/programs/${programId}/match-runs/${skillsRun.body.runId}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect(
      (await admin.post(`/programs/${programId}/match-runs/${skillsRun.body.runId}/publish`)).status,
    ).toBe(409);
    expect((await admin.post(`/programs/${programId}/launch`)).body.status).toBe('active');

    // Mentee A and mentor X accept their proposal: it starts; then pause, resume, end, reflect.
    const menteeA = api.as(tenant, 'mentee-a', ['participant']);
    const [proposal] = (await menteeA.get(`/relationships?programId=${programId}`)).body.items;
    expect(proposal).toMatchObject({
      status: 'proposed',
      mentorIds: ['mentor-x'],
      menteeIds: ['mentee-a'],
      source: 'match-run',
    });
    const path = `/relationships/${proposal.relationshipId}`;
    expect((await menteeA.post(`${path}/accept`)).body.status).toBe('proposed');
    expect((await mentorX.post(`${path}/accept`)).body).toMatchObject({
      status: 'active',
      startedAt: expect.any(String),
    });
    const agreement = {
      goals: ['Negotiation in vendor deals'],
      sessionsPerMonth: 2,
      channel: 'video',
      confidentialityAcknowledged: true,
    };
    expect((await menteeA.post(`${path}/agreement`, agreement)).status).toBe(200);
    expect((await mentorX.post(`${path}/agreement/confirm`, { version: 1 })).body.agreement.status).toBe(
      'agreed',
    );
    expect((await menteeA.post(`${path}/pause`, { reason: 'parental-leave' })).body.status).toBe('paused');
    expect((await mentorX.post(`${path}/resume`)).body.status).toBe('active');
    const ended = await menteeA.post(`${path}/end`, { reason: 'not-a-good-fit', requestRematch: true });
    expect(ended.body).toMatchObject({ status: 'ended', endReason: 'mismatch' });
    const reflection = {
      rating: 2,
      goalsAchieved: 'partly',
      skillsGained: ['negotiation'],
      wouldRecommend: false,
      comment: 'We did not click.',
      commentVisibility: 'private-with-admins',
    };
    expect((await menteeA.post(`${path}/reflection`, reflection)).status).toBe(200);
    expect((await menteeA.post(`${path}/reflection`, reflection)).status).toBe(409);
    expect((await admin.get(path)).body.reflectionComments).toEqual({ 'mentee-a': 'We did not click.' });

    await api.waitForEvents((events) =>
      events.some((e) => e.type === 'matching.relationship.reflection-submitted'),
    );
    const ofRelationship = api.events
      .filter((e) => e.metadata.streamId === `relationship-${proposal.relationshipId}`)
      .map((e) => e.type.replace('matching.relationship.', ''));
    expect(ofRelationship).toEqual([
      'proposed',
      'accepted',
      'accepted',
      'started',
      'agreement-proposed',
      'agreement-confirmed',
      'agreement-confirmed',
      'agreement-recorded',
      'paused',
      'resumed',
      'ended',
      'rematch-requested',
      'reflection-submitted',
    ]);
    const programEvents = api.events
      .filter((e) => e.metadata.streamId === `program-${programId}`)
      .map((e) => e.type);
    // The request's trace continues on its event, so consumers can carry it on.
    expect(api.events.find((e) => e.type === 'matching.program.created')?.metadata.traceparent).toMatch(
      new RegExp(`^00-${traceId}-`),
    );
    expect(programEvents).toEqual([
      'matching.program.created',
      'matching.program.enrolment-opened',
      'matching.program.enrolment-closed',
      'matching.program.launched',
    ]);
    expect(api.events.filter((e) => e.type === 'matching.match-run.completed')).toHaveLength(2);
    expect(api.events.find((e) => e.type === 'matching.participant.profile-updated')?.data).toMatchObject({
      changedFields: ['focus-areas'],
    });
    // Free text stays out of events.
    expect(JSON.stringify(api.events)).not.toMatch(/Engineering leadership|vendor deals|did not click/);
  });
});
