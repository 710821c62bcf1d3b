import { factSetOf } from '../facts/fact-set';
import type { Fact, GoalFact, ParticipantFact, RelationshipFact, SessionFact } from '../facts/fact-types';
import { iso } from '../shared/event-history.test-kit';
import { achievements } from './achievements';
import { programFunnel } from './program-funnel';
import { programHealth } from './program-health';
import { programSummary } from './program-summary';

const programId = 'p-1';
const enrolled = (
  userId: string,
  role: 'mentor' | 'mentee',
  day: string,
  withdrawnAt: string | null = null,
): ParticipantFact => ({
  kind: 'participant',
  participantId: `pa-${userId}`,
  programId,
  userId,
  roles: [role],
  facets: {},
  enrolledAt: iso(day),
  withdrawnAt,
});
const relationship = (id: string, mentee: string, fields: Partial<RelationshipFact>): RelationshipFact => ({
  kind: 'relationship',
  relationshipId: id,
  programId,
  mentorIds: ['mentor'],
  menteeIds: [mentee],
  status: 'active',
  proposedAt: iso('2026-01-05'),
  startedAt: iso('2026-01-07'),
  endedAt: null,
  endReason: null,
  sessionsPerMonth: null,
  reflectionRatings: [],
  ...fields,
});
const session = (
  id: string,
  relationshipId: string,
  day: string | null,
  ratings: number[] = [],
): SessionFact => ({
  kind: 'session',
  sessionId: id,
  relationshipId,
  programId,
  status: day ? 'held' : 'cancelled',
  heldAt: day ? iso(day) : null,
  durationMinutes: 90,
  ratings: ratings.map((rating, i) => ({ participantId: `u${i}`, rating, at: iso(day ?? '2026-01-01') })),
});
const goal = (id: string, relationshipId: string, fields: Partial<GoalFact>): GoalFact => ({
  kind: 'goal',
  goalId: id,
  relationshipId,
  programId,
  status: 'open',
  setAt: iso('2026-01-10'),
  targetDate: '2026-03-01',
  completedAt: null,
  milestonesCompleted: [],
  ...fields,
});

const facts = factSetOf([
  {
    kind: 'program',
    programId,
    programType: 'one-to-one',
    status: 'active',
    sessionsPerMonth: 2,
    adminIds: ['admin'],
  },
  enrolled('mentor', 'mentor', '2026-01-01'),
  enrolled('a', 'mentee', '2026-01-01'),
  enrolled('b', 'mentee', '2026-01-02'),
  enrolled('c', 'mentee', '2026-01-03'),
  enrolled('gone', 'mentee', '2026-01-03', iso('2026-01-04')),
  relationship('r-a', 'a', {
    status: 'ended',
    endReason: 'completed',
    endedAt: iso('2026-03-07'),
    reflectionRatings: [5, 4],
  }),
  relationship('r-b', 'b', { startedAt: iso('2026-01-09') }),
  relationship('r-c', 'c', { status: 'proposed', startedAt: null, proposedAt: iso('2026-02-01') }),
  session('s-a1', 'r-a', '2026-01-11', [5, 4]),
  session('s-a2', 'r-a', null),
  session('s-b1', 'r-b', '2026-01-19', [1, 2]),
  goal('g-a', 'r-a', {
    status: 'completed',
    completedAt: iso('2026-02-10'),
    milestonesCompleted: [{ milestoneId: 'm-1', at: iso('2026-01-25') }],
  }),
  goal('g-b', 'r-b', { targetDate: '2026-02-01' }),
  { kind: 'check-ins', relationshipId: 'r-b', programId, overdueSince: iso('2026-01-20') },
] satisfies Fact[]);

describe('program reports', () => {
  it('summarise enrolment, relationships, sessions, goals, ratings and overdue check-ins', () => {
    expect(programSummary(facts, programId)).toEqual({
      programId,
      enrolledMentors: 1,
      enrolledMentees: 3,
      matchedMentees: 2,
      relationships: { active: 1, paused: 0, ended: 1 },
      sessionsHeld: 2,
      sessionHours: 3,
      goalsSet: 2,
      goalsCompleted: 1,
      goalCompletionRate: 0.5,
      averageSessionRating: 3,
      checkInsOverdue: 1,
    });
  });

  it('count mentees through the funnel with median days between steps', () => {
    expect(programFunnel(facts, programId).stages).toEqual([
      { step: 'enrolled', count: 4, medianDaysFromPrevious: null },
      { step: 'matched', count: 3, medianDaysFromPrevious: 4 },
      { step: 'relationship-started', count: 2, medianDaysFromPrevious: 3 },
      { step: 'first-session-held', count: 2, medianDaysFromPrevious: 7 },
      { step: 'first-goal-completed', count: 1, medianDaysFromPrevious: 30 },
      { step: 'relationship-completed', count: 1, medianDaysFromPrevious: 25 },
    ]);
  });

  it('flag relationships at risk with every reason that applies', () => {
    const health = programHealth(facts, programId, iso('2026-02-10'));
    expect(health.relationshipsAtRisk).toEqual([
      {
        relationshipId: 'r-b',
        reasons: ['no-session-within-cadence', 'check-in-overdue', 'low-ratings', 'overdue-goals'],
      },
      { relationshipId: 'r-c', reasons: ['proposal-unanswered'] },
    ]);
  });

  it('signal a fizzling program when sessions per active relationship fall', () => {
    const busy = factSetOf([
      relationship('r-x', 'x', {}),
      ...['2026-01-12', '2026-01-13', '2026-01-20', '2026-01-21', '2026-01-28'].map((day, i) =>
        session(`s-x${i}`, 'r-x', day),
      ),
    ]);
    const health = programHealth(busy, programId, iso('2026-02-09', '00:00:00'));
    expect(health.weeklyActivity).toEqual([2, 2, 1, 0]);
    expect(health.fizzling).toBe(true);
    expect(programHealth(busy, programId, iso('2026-01-26', '00:00:00')).fizzling).toBe(false);
  });

  it('list achievements newest first', () => {
    expect(achievements(facts, programId).map((a) => [a.kind, a.at.slice(0, 10)])).toEqual([
      ['relationship-completed', '2026-03-07'],
      ['goal-completed', '2026-02-10'],
      ['milestone-completed', '2026-01-25'],
    ]);
  });
});
