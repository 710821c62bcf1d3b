import { eventDefinition, type EventData, type EventEnvelope, type TandemEventType } from '@tandem/events';
import { testEnvelope } from '@tandem/runtime/testing';
import { seededRandom } from '@tandem/testing';

// A seeded, realistic history of several programs, as plans (who, what, when) from which both the
// events and the expected answers are derived — the expectations never read the events.

export interface Facets {
  department: string;
  level: string;
  location: string;
}
export interface ParticipantPlan {
  participantId: string;
  userId: string;
  role: 'mentor' | 'mentee';
  facets: Facets;
  enrolledAt: string;
}
export interface SessionPlan {
  sessionId: string;
  scheduledAt: string;
  startsAt: string;
  durationMinutes: number;
  heldAt: string | null;
  cancelledAt: string | null;
  ratings: { participantId: string; rating: number; at: string }[];
}
export interface GoalPlan {
  goalId: string;
  setAt: string;
  targetDate: string;
  completedAt: string | null;
  abandonedAt: string | null;
  milestones: { milestoneId: string; completedAt: string }[];
}
export interface RelationshipPlan {
  relationshipId: string;
  mentorId: string;
  menteeId: string;
  proposedAt: string;
  declinedAt: string | null;
  startedAt: string | null;
  changes: { status: 'paused' | 'active' | 'ended'; at: string; reason?: 'completed' | 'mismatch' }[];
  sessions: SessionPlan[];
  goals: GoalPlan[];
  checkInOverdue: { expectedBy: string; at: string } | null;
}
export interface ProgramPlan {
  programId: string;
  programType: 'one-to-one' | 'group' | 'reverse' | 'peer';
  adminId: string;
  sessionsPerMonth: number;
  createdAt: string;
  participants: ParticipantPlan[];
  relationships: RelationshipPlan[];
}
export interface Scenario {
  tenantId: string;
  programs: ProgramPlan[];
}

/** A seeded generator with the helpers a scenario needs. */
export function scenarioRandom(seed: number) {
  const next = seededRandom(seed);
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof scenarioRandom>;

const START = Date.parse('2026-01-05T09:00:00.000Z');
const HOUR = 3_600_000;
const at = (days: number, hours = 0) => new Date(START + days * 24 * HOUR + hours * HOUR).toISOString();
const dayAfter = (instant: string, days: number) =>
  new Date(Date.parse(instant) + days * 24 * HOUR).toISOString();

const DEPARTMENTS = ['eng', 'ops', 'sales', 'design'];
const LEVELS = ['junior', 'mid', 'senior'];
const LOCATIONS = ['london', 'lisbon', 'berlin'];

export function generateScenario(tenantId: string, seed: number, programCount = 3): Scenario {
  const random = scenarioRandom(seed);
  const programs = Array.from({ length: programCount }, (_, index) =>
    generateProgram(random, `${tenantId}-p${index}`, index),
  );
  return { tenantId, programs: [...programs, kAnonymityProgram(`${tenantId}-pk`)] };
}

function generateProgram(random: Random, programId: string, index: number): ProgramPlan {
  const facets = (): Facets => ({
    department: random.pick(DEPARTMENTS),
    level: random.pick(LEVELS),
    location: random.pick(LOCATIONS),
  });
  const mentors = Array.from({ length: random.int(3, 4) }, (_, i): ParticipantPlan => ({
    participantId: `${programId}-pa-m${i}`,
    userId: `${programId}-mentor-${i}`,
    role: 'mentor',
    facets: facets(),
    enrolledAt: at(index + 1, i),
  }));
  const mentees = Array.from({ length: random.int(5, 7) }, (_, i): ParticipantPlan => ({
    participantId: `${programId}-pa-e${i}`,
    userId: `${programId}-mentee-${i}`,
    role: 'mentee',
    facets: facets(),
    enrolledAt: at(index + 2, i),
  }));
  const relationships = mentees
    .filter(() => random.chance(0.85))
    .map((mentee, i) =>
      generateRelationship(
        random,
        programId,
        i,
        mentors[i % mentors.length]!.userId,
        mentee.userId,
        at(index + 6, i),
      ),
    );
  return {
    programId,
    programType: (['one-to-one', 'reverse', 'peer'] as const)[index % 3]!,
    adminId: `${programId}-admin`,
    sessionsPerMonth: 2,
    createdAt: at(index),
    participants: [...mentors, ...mentees],
    relationships,
  };
}

function generateRelationship(
  random: Random,
  programId: string,
  i: number,
  mentorId: string,
  menteeId: string,
  proposedAt: string,
): RelationshipPlan {
  const relationshipId = `${programId}-r${i}`;
  const plan: RelationshipPlan = {
    relationshipId,
    mentorId,
    menteeId,
    proposedAt,
    declinedAt: null,
    startedAt: null,
    changes: [],
    sessions: [],
    goals: [],
    checkInOverdue: null,
  };
  const outcome = random.next();
  if (outcome < 0.1) return plan; // never answered
  if (outcome < 0.2) return { ...plan, declinedAt: dayAfter(proposedAt, 1) };
  const startedAt = dayAfter(proposedAt, random.int(1, 4));
  const ends = random.chance(0.5) ? dayAfter(startedAt, random.int(40, 70)) : null;
  const sessions = Array.from({ length: random.int(0, 4) }, (_, s): SessionPlan => {
    const startsAt = dayAfter(startedAt, 5 + s * 9 + random.int(0, 3));
    const held = random.chance(0.8);
    return {
      sessionId: `${relationshipId}-s${s}`,
      scheduledAt: dayAfter(startsAt, -3),
      startsAt,
      durationMinutes: random.pick([30, 45, 60, 90]),
      heldAt: held ? startsAt : null,
      cancelledAt: held ? null : dayAfter(startsAt, -1),
      ratings: held
        ? [mentorId, menteeId]
            .filter(() => random.chance(0.6))
            .map((participantId) => ({
              participantId,
              rating: random.int(1, 5),
              at: dayAfter(startsAt, 0.1),
            }))
        : [],
    };
  });
  const goals = Array.from({ length: random.int(0, 2) }, (_, g): GoalPlan => {
    const setAt = dayAfter(startedAt, 3 + g * 4);
    const fate = random.next();
    const completedAt = fate < 0.5 ? dayAfter(setAt, random.int(10, 30)) : null;
    return {
      goalId: `${relationshipId}-g${g}`,
      setAt,
      targetDate: dayAfter(setAt, 45).slice(0, 10),
      completedAt,
      abandonedAt: fate >= 0.5 && fate < 0.65 ? dayAfter(setAt, 12) : null,
      milestones: completedAt
        ? [{ milestoneId: `${relationshipId}-g${g}-m0`, completedAt: dayAfter(setAt, 5) }]
        : [],
    };
  });
  const changes: RelationshipPlan['changes'] = [];
  if (random.chance(0.25))
    changes.push(
      { status: 'paused', at: dayAfter(startedAt, 20) },
      { status: 'active', at: dayAfter(startedAt, 27) },
    );
  if (ends)
    changes.push({ status: 'ended', at: ends, reason: random.chance(0.7) ? 'completed' : 'mismatch' });
  const checkInOverdue = random.chance(0.3)
    ? { expectedBy: dayAfter(startedAt, 16), at: dayAfter(startedAt, 17) }
    : null;
  return {
    ...plan,
    startedAt,
    changes,
    sessions: sessions.filter((s) => !ends || Date.parse(s.startsAt) < Date.parse(ends)),
    goals,
    checkInOverdue,
  };
}

/** Mentee departments behind 3, 4 and 5 relationships sharing one mentor each: k-1, k and k+1 participants. */
function kAnonymityProgram(programId: string): ProgramPlan {
  const participants: ParticipantPlan[] = [];
  const relationships: RelationshipPlan[] = [];
  for (const [department, mentees] of [
    ['legal', 3],
    ['finance', 4],
    ['hr', 5],
  ] as const) {
    const mentorId = `${programId}-mentor-${department}`;
    participants.push({
      participantId: `${programId}-pa-${department}`,
      userId: mentorId,
      role: 'mentor',
      facets: { department: 'eng', level: 'senior', location: 'london' },
      enrolledAt: at(10),
    });
    for (let i = 0; i < mentees; i += 1) {
      const menteeId = `${programId}-${department}-${i}`;
      participants.push({
        participantId: `${programId}-pa-${department}-${i}`,
        userId: menteeId,
        role: 'mentee',
        facets: { department, level: 'junior', location: 'lisbon' },
        enrolledAt: at(10, 1),
      });
      relationships.push({
        relationshipId: `${programId}-r-${department}-${i}`,
        mentorId,
        menteeId,
        proposedAt: at(11),
        declinedAt: null,
        startedAt: at(12),
        changes: [],
        sessions: [],
        goals: [],
        checkInOverdue: null,
      });
    }
  }
  return {
    programId,
    programType: 'group',
    adminId: `${programId}-admin`,
    sessionsPerMonth: 1,
    createdAt: at(9),
    participants,
    relationships,
  };
}

/** Events of one stream, versioned in order. */
type StreamEvent = { type: TandemEventType; data: unknown; at: string };

export function scenarioStreams(scenario: Scenario): { streamId: string; events: StreamEvent[] }[] {
  const streams: { streamId: string; events: StreamEvent[] }[] = [];
  const add = (streamId: string, events: StreamEvent[]) =>
    events.length > 0 && streams.push({ streamId, events });
  const e = <T extends TandemEventType>(type: T, data: EventData<T>, when: string): StreamEvent => ({
    type,
    data,
    at: when,
  });
  for (const program of scenario.programs) {
    const { programId, adminId } = program;
    add(`program-${programId}`, [
      e(
        'matching.program.created',
        {
          programId,
          by: adminId,
          programType: program.programType,
          settings: {
            matchingMode: 'admin-bulk',
            mentorsPerMentee: 1,
            defaultMentorCapacity: 5,
            minimumScore: 0,
            criteriaWeights: { skills: 1 },
            sessionsPerMonth: program.sessionsPerMonth,
            hardRules: {
              excludeSameDepartment: false,
              excludeOwnManager: true,
              excludePreviousPairs: true,
              requireCommonLanguage: false,
            },
            questions: [],
            acceptance: 'both-parties',
            proposalTtlDays: 14,
            adminIds: [adminId],
          },
        },
        program.createdAt,
      ),
      e('matching.program.launched', { programId, by: adminId }, dayAfter(program.createdAt, 0.5)),
    ]);
    for (const p of program.participants) {
      add(`participant-${p.participantId}`, [
        e(
          'matching.participant.enrolled',
          { programId, participantId: p.participantId, userId: p.userId, roles: [p.role], facets: p.facets },
          p.enrolledAt,
        ),
      ]);
    }
    for (const r of program.relationships) {
      const ref = { relationshipId: r.relationshipId, programId };
      const pair = { mentorIds: [r.mentorId], menteeIds: [r.menteeId] };
      const lifecycle: StreamEvent[] = [
        e(
          'matching.relationship.proposed',
          { ...ref, ...pair, score: 70, source: 'match-run', expiresAt: dayAfter(r.proposedAt, 30) },
          r.proposedAt,
        ),
      ];
      if (r.declinedAt)
        lifecycle.push(
          e(
            'matching.relationship.declined',
            { ...ref, participantId: r.menteeId, reason: 'no-time' },
            r.declinedAt,
          ),
        );
      if (r.startedAt)
        lifecycle.push(
          e('matching.relationship.started', { ...ref, ...pair, startedAt: r.startedAt }, r.startedAt),
        );
      for (const change of r.changes) {
        if (change.status === 'paused')
          lifecycle.push(
            e('matching.relationship.paused', { ...ref, by: adminId, reason: 'holiday' }, change.at),
          );
        if (change.status === 'active')
          lifecycle.push(e('matching.relationship.resumed', { ...ref, by: adminId }, change.at));
        if (change.status === 'ended')
          lifecycle.push(
            e(
              'matching.relationship.ended',
              { ...ref, by: adminId, reason: change.reason ?? 'other' },
              change.at,
            ),
          );
      }
      add(`relationship-${r.relationshipId}`, lifecycle);
      for (const s of r.sessions) {
        const sref = { sessionId: s.sessionId, ...ref };
        const events = [
          e(
            'sessions.session.scheduled',
            {
              ...sref,
              scheduledBy: r.mentorId,
              kind: 'meeting',
              startsAt: s.startsAt,
              durationMinutes: s.durationMinutes,
            },
            s.scheduledAt,
          ),
        ];
        if (s.cancelledAt)
          events.push(
            e(
              'sessions.session.cancelled',
              { ...sref, cancelledBy: r.menteeId, reason: 'illness' },
              s.cancelledAt,
            ),
          );
        if (s.heldAt)
          events.push(
            e(
              'sessions.session.held',
              {
                ...sref,
                kind: 'meeting',
                heldAt: s.heldAt,
                durationMinutes: s.durationMinutes,
                attendeeIds: [r.mentorId, r.menteeId],
              },
              s.heldAt,
            ),
          );
        for (const rating of s.ratings)
          events.push(
            e(
              'sessions.session.feedback-submitted',
              {
                ...sref,
                participantId: rating.participantId,
                rating: rating.rating,
                helpful: rating.rating >= 3,
              },
              rating.at,
            ),
          );
        add(`session-${s.sessionId}`, events);
      }
      for (const g of r.goals) {
        const gref = { goalId: g.goalId, ...ref };
        const events = [
          e(
            'goals.goal.set',
            {
              ...gref,
              ownerId: r.menteeId,
              targetDate: g.targetDate,
              measure: { kind: 'milestones' },
              horizon: 'short-term',
              setAt: g.setAt,
            },
            g.setAt,
          ),
        ];
        for (const m of g.milestones)
          events.push(
            e(
              'goals.goal.milestone-completed',
              { ...gref, milestoneId: m.milestoneId, completedBy: r.menteeId, completedAt: m.completedAt },
              m.completedAt,
            ),
          );
        if (g.completedAt)
          events.push(
            e(
              'goals.goal.completed',
              { ...gref, completedBy: r.menteeId, completedAt: g.completedAt },
              g.completedAt,
            ),
          );
        if (g.abandonedAt)
          events.push(
            e(
              'goals.goal.abandoned',
              { ...gref, abandonedBy: r.menteeId, reason: 'changed-priorities' },
              g.abandonedAt,
            ),
          );
        add(`goal-${g.goalId}`, events);
      }
      if (r.checkInOverdue) {
        add(`cadence-${r.relationshipId}`, [
          e(
            'sessions.relationship.check-in-overdue',
            { ...ref, expectedBy: r.checkInOverdue.expectedBy },
            r.checkInOverdue.at,
          ),
        ]);
      }
    }
  }
  return streams;
}

/**
 * The scenario's events as envelopes at their newest schema version, interleaved across streams
 * (and so across topics) by the seeded random, each stream kept in order as Kafka keys keep it.
 */
export function scenarioEnvelopes(scenario: Scenario, seed: number): EventEnvelope[] {
  const random = scenarioRandom(seed);
  const queues = scenarioStreams(scenario).map(({ streamId, events }) =>
    events.map(
      (event, index) =>
        ({
          ...testEnvelope(event.type, event.data as never, {
            tenantId: scenario.tenantId,
            streamId,
            streamVersion: index + 1,
            time: event.at,
          }),
          version: eventDefinition(event.type)!.version,
        }) as EventEnvelope,
    ),
  );
  const out: EventEnvelope[] = [];
  while (queues.some((q) => q.length > 0)) {
    const open = queues.filter((q) => q.length > 0);
    out.push(random.pick(open).shift()!);
  }
  return out;
}
