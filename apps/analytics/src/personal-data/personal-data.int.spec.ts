import { randomUUID } from 'node:crypto';
import { eventDefinition, type EventData, type EventEnvelope, type TandemEventType } from '@tandem/events';
import { startServiceApi, testEnvelope, type ApiClient, type ServiceApi } from '@tandem/runtime/testing';
import { programCreatedData, waitFor } from '@tandem/testing';
import { analyticsService } from '../analytics.module';

const fresh = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
const at = (day: number) => `2026-01-${String(day).padStart(2, '0')}T09:00:00.000Z`;

/** Envelopes as the producers' relays put them on the topics, each stream versioned in order. */
function producer(tenantId: string) {
  const versions = new Map<string, number>();
  const out: EventEnvelope[] = [];
  const add = <T extends TandemEventType>(type: T, data: EventData<T>, streamId: string, time: string) => {
    const streamVersion = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, streamVersion);
    out.push({
      ...testEnvelope(type, data, { tenantId, streamId, streamVersion, time }),
      version: eventDefinition(type)!.version,
    } as EventEnvelope);
  };
  return { add, envelopes: out };
}

describe('GET /people/:userId/personal-data exports what analytics holds about one person', () => {
  const tenantId = fresh('acme');
  const [ann, bob, cat, dee, eve] = [fresh('ann'), fresh('bob'), fresh('cat'), fresh('dee'), fresh('eve')];
  const admin = fresh('admin');
  const [spring, autumn] = [fresh('spring'), fresh('autumn')];
  const [pair, otherPair, sessionId, goalId] = [fresh('r'), fresh('r'), fresh('s'), fresh('g')];
  // A pair of strangers in Ann's program: their session and goal share her program, not her relationship.
  const [strangers, strangersSession, strangersGoal] = [fresh('r'), fresh('s'), fresh('g')];
  let api: ServiceApi;
  let platformAdmin: ApiClient;

  beforeAll(async () => {
    api = await startServiceApi(analyticsService);
    platformAdmin = api.as(tenantId, fresh('root'), ['platform-admin']);
    const { add, envelopes } = producer(tenantId);
    add(
      'matching.program.created',
      programCreatedData(spring, { adminIds: [admin] }),
      `program-${spring}`,
      at(1),
    );
    add('matching.program.created', programCreatedData(autumn), `program-${autumn}`, at(1));
    const enrol = (
      programId: string,
      userId: string,
      role: 'mentor' | 'mentee',
      facets: EventData<'matching.participant.enrolled'>['facets'],
    ) =>
      add(
        'matching.participant.enrolled',
        { programId, participantId: `pa-${programId}-${userId}`, userId, roles: [role], facets },
        `participant-${programId}-${userId}`,
        at(2),
      );
    enrol(spring, ann, 'mentee', { department: 'eng', level: 'junior', location: 'lisbon' });
    enrol(spring, bob, 'mentor', { department: 'ops', level: 'senior', location: 'london' });
    enrol(autumn, bob, 'mentor', { department: 'sales', level: 'lead', location: 'berlin' });
    enrol(autumn, cat, 'mentee', { department: 'hr' });

    const ref = { relationshipId: pair, programId: spring };
    const people = { mentorIds: [bob], menteeIds: [ann] };
    const stream = `relationship-${pair}`;
    add(
      'matching.relationship.proposed',
      { ...ref, ...people, score: 80, source: 'match-run', expiresAt: at(20) },
      stream,
      at(3),
    );
    add('matching.relationship.started', { ...ref, ...people, startedAt: at(4) }, stream, at(4));
    add('matching.relationship.ended', { ...ref, by: admin, reason: 'completed' }, stream, at(20));
    add(
      'matching.relationship.reflection-submitted',
      {
        ...ref,
        participantId: ann,
        rating: 5,
        goalsAchieved: 'yes',
        wouldRecommend: true,
        skillsGained: ['listening'],
      },
      stream,
      at(21),
    );
    add(
      'matching.relationship.reflection-submitted',
      { ...ref, participantId: bob, rating: 2, goalsAchieved: 'no', skillsGained: ['patience'] },
      stream,
      at(22),
    );
    const other = { relationshipId: otherPair, programId: autumn, mentorIds: [bob], menteeIds: [cat] };
    add('matching.relationship.started', { ...other, startedAt: at(5) }, `relationship-${otherPair}`, at(5));

    const session = { sessionId, ...ref };
    const sessionStream = `session-${sessionId}`;
    add(
      'sessions.session.scheduled',
      { ...session, scheduledBy: bob, kind: 'meeting', startsAt: at(10), durationMinutes: 60 },
      sessionStream,
      at(6),
    );
    add(
      'sessions.session.held',
      { ...session, kind: 'meeting', heldAt: at(10), durationMinutes: 55, attendeeIds: [bob, ann] },
      sessionStream,
      at(10),
    );
    add(
      'sessions.session.feedback-submitted',
      { ...session, participantId: ann, rating: 5, helpful: true, mentorRating: 4 },
      sessionStream,
      at(11),
    );
    add(
      'sessions.session.feedback-submitted',
      {
        ...session,
        participantId: bob,
        rating: 3,
        helpful: false,
        menteeRatings: [{ menteeId: ann, rating: 2 }],
      },
      sessionStream,
      at(12),
    );
    const theirs = { relationshipId: strangers, programId: spring };
    add(
      'matching.relationship.started',
      { ...theirs, mentorIds: [eve], menteeIds: [dee], startedAt: at(5) },
      `relationship-${strangers}`,
      at(5),
    );
    add(
      'sessions.session.held',
      {
        sessionId: strangersSession,
        ...theirs,
        kind: 'meeting',
        heldAt: at(9),
        durationMinutes: 30,
        attendeeIds: [eve, dee],
      },
      `session-${strangersSession}`,
      at(9),
    );
    add(
      'sessions.session.feedback-submitted',
      { sessionId: strangersSession, ...theirs, participantId: dee, rating: 1, helpful: false },
      `session-${strangersSession}`,
      at(9),
    );
    add(
      'goals.goal.set',
      {
        goalId: strangersGoal,
        ...theirs,
        ownerId: dee,
        targetDate: '2026-05-31',
        measure: { kind: 'milestones' },
        horizon: 'short-term',
        setAt: at(8),
      },
      `goal-${strangersGoal}`,
      at(8),
    );
    add(
      'goals.goal.set',
      {
        goalId,
        ...ref,
        ownerId: ann,
        targetDate: '2026-03-31',
        measure: { kind: 'milestones' },
        horizon: 'short-term',
        setAt: at(7),
      },
      `goal-${goalId}`,
      at(7),
    );
    await api.publish(envelopes);

    // Every topic's last events: Ann's reflection and rating, Bob's in both programs, the strangers'.
    await waitFor(
      async () => {
        const exportOf = (userId: string) => platformAdmin.get(`/people/${userId}/personal-data`);
        const [a, b, d] = await Promise.all([exportOf(ann), exportOf(bob), exportOf(dee)]);
        // At least: the exact contents are what the tests below assert.
        return (
          a.body.relationships?.[0]?.reflections.length >= 1 &&
          a.body.relationships[0].goals.length >= 1 &&
          a.body.ratingsGiven.length >= 1 &&
          b.body.enrolments.length >= 2 &&
          b.body.relationships.length >= 2 &&
          b.body.relationships.some((r: { reflections: unknown[] }) => r.reflections.length >= 1) &&
          b.body.ratingsGiven.length >= 1 &&
          d.body.relationships?.[0]?.sessions.length >= 1 &&
          d.body.relationships[0].goals.length >= 1 &&
          d.body.ratingsGiven.length >= 1
        );
      },
      { description: 'the producers’ events folded into facts', timeoutMs: 60_000, intervalMs: 250 },
    );
  }, 90_000);
  afterAll(() => api?.close());

  const annsExport = () => ({
    service: 'analytics',
    userId: ann,
    enrolments: [
      {
        programId: spring,
        participantId: `pa-${spring}-${ann}`,
        roles: ['mentee'],
        facets: { department: 'eng', level: 'junior', location: 'lisbon' },
        enrolledAt: at(2),
        withdrawnAt: null,
      },
    ],
    relationships: [
      {
        relationshipId: pair,
        programId: spring,
        roles: ['mentee'],
        mentorIds: [bob],
        menteeIds: [ann],
        status: 'ended',
        proposedAt: at(3),
        startedAt: at(4),
        endedAt: at(20),
        endReason: 'completed',
        sessionsPerMonth: null,
        // Hers only: Bob's reflection (rating 2, `patience`) is his.
        reflections: [
          { at: at(21), rating: 5, goalsAchieved: 'yes', wouldRecommend: true, skillsGained: ['listening'] },
        ],
        sessions: [{ sessionId, status: 'held', heldAt: at(10) }],
        goals: [{ goalId, status: 'open', setAt: at(7), targetDate: '2026-03-31', completedAt: null }],
      },
    ],
    // Hers only: Bob's feedback, and his rating of her, are not what she gave.
    ratingsGiven: [
      {
        sessionId,
        relationshipId: pair,
        programId: spring,
        at: at(11),
        rating: 5,
        helpful: true,
        mentorRating: 4,
      },
    ],
    programsAdministered: [],
  });

  it('gives the person their enrolment, relationship, own reflection and own feedback, others as ids', async () => {
    const own = await api.as(tenantId, ann, ['participant']).get(`/people/${ann}/personal-data`);
    expect(own.status).toBe(200);
    expect(own.body).toEqual(annsExport());
  });

  it('gives a platform admin the same export, and nothing of Bob’s enrolments or his other program', async () => {
    const answer = await platformAdmin.get(`/people/${ann}/personal-data`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(annsExport());
    const text = JSON.stringify(answer.body);
    for (const others of [
      ...[autumn, otherPair, cat, `pa-${spring}-${bob}`, 'ops', 'london', 'sales', 'berlin', 'patience'],
      ...[strangers, strangersSession, strangersGoal, dee, eve],
    ])
      expect(text).not.toContain(others);
  });

  it('shows Bob both his programs with their facets, as a mentor, with his mentee rating', async () => {
    const answer = await api.as(tenantId, bob, ['participant']).get(`/people/${bob}/personal-data`);
    expect(answer.status).toBe(200);
    const facets = Object.fromEntries(
      answer.body.enrolments.map((e: { programId: string; facets: object }) => [e.programId, e.facets]),
    );
    expect(facets).toEqual({
      [spring]: { department: 'ops', level: 'senior', location: 'london' },
      [autumn]: { department: 'sales', level: 'lead', location: 'berlin' },
    });
    // Per relationship: his side of it, and its sessions only (the autumn one has none).
    const relationships = Object.fromEntries(
      answer.body.relationships.map((r: { relationshipId: string; roles: string[]; sessions: unknown[] }) => [
        r.relationshipId,
        { roles: r.roles, sessions: r.sessions },
      ]),
    );
    expect(relationships).toEqual({
      [pair]: { roles: ['mentor'], sessions: [{ sessionId, status: 'held', heldAt: at(10) }] },
      [otherPair]: { roles: ['mentor'], sessions: [] },
    });
    expect(answer.body.ratingsGiven).toEqual([
      {
        sessionId,
        relationshipId: pair,
        programId: spring,
        at: at(12),
        rating: 3,
        helpful: false,
        menteeRatings: [{ menteeId: ann, rating: 2 }],
      },
    ]);
  });

  it('gives the strangers their own session, goal and feedback, which Ann’s export leaves out', async () => {
    const answer = await platformAdmin.get(`/people/${dee}/personal-data`);
    expect(answer.body.relationships).toMatchObject([
      {
        relationshipId: strangers,
        sessions: [{ sessionId: strangersSession }],
        goals: [{ goalId: strangersGoal }],
      },
    ]);
    expect(answer.body.ratingsGiven).toMatchObject([{ sessionId: strangersSession, rating: 1 }]);
  });

  it('lists the programs a program admin administers', async () => {
    const answer = await platformAdmin.get(`/people/${admin}/personal-data`);
    expect(answer.body).toMatchObject({ enrolments: [], relationships: [], ratingsGiven: [] });
    expect(answer.body.programsAdministered).toEqual([{ programId: spring }]);
  });

  it('refuses anyone else of the tenant with 403, whatever their role short of platform admin', async () => {
    for (const [userId, roles] of [
      [bob, ['participant']],
      [fresh('analyst'), ['analyst']],
      [admin, ['program-admin']],
    ] as const) {
      const answer = await api.as(tenantId, userId, [...roles]).get(`/people/${ann}/personal-data`);
      expect(answer.status).toBe(403);
      expect(answer.body.detail).toBe(
        'Only a platform admin or the person themself may read their personal data',
      );
    }
  });

  it('answers a platform admin of another tenant with empty sections', async () => {
    const foreign = api.as(fresh('globex'), fresh('root'), ['platform-admin']);
    const answer = await foreign.get(`/people/${ann}/personal-data`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      service: 'analytics',
      userId: ann,
      enrolments: [],
      relationships: [],
      ratingsGiven: [],
      programsAdministered: [],
    });
  });
});
