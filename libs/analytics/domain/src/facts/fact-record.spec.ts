import fc from 'fast-check';
import { iso, stream } from '../shared/event-history.test-kit';
import { recordInFact, type FactRecord } from './fact-record';
import { factKeyOf } from './fact-key';
import { foldFact } from './fold-fact';
import type { RecordedEvent } from './recorded-event';

const programId = 'p-1';
const relationshipRef = { relationshipId: 'r-1', programId };

function history(): RecordedEvent[] {
  const program = stream('program-p-1');
  const relationship = stream('relationship-r-1');
  const session = stream('session-s-1');
  const goal = stream('goal-g-1');
  const checkIns = stream('cadence-r-1');
  return [
    program(
      'matching.program.created',
      {
        programId,
        by: 'admin-1',
        programType: 'one-to-one',
        settings: {
          matchingMode: 'hybrid',
          mentorsPerMentee: 1,
          defaultMentorCapacity: 2,
          minimumScore: 0,
          criteriaWeights: {},
          sessionsPerMonth: 2,
          hardRules: {
            excludeSameDepartment: false,
            excludeOwnManager: true,
            excludePreviousPairs: true,
            requireCommonLanguage: true,
          },
          questions: [],
          acceptance: 'both-parties',
          proposalTtlDays: 14,
          adminIds: ['admin-1'],
        },
      },
      iso('2026-01-01'),
    ),
    program('matching.program.launched', { programId, by: 'admin-1' }, iso('2026-01-05')),
    relationship(
      'matching.relationship.proposed',
      {
        ...relationshipRef,
        mentorIds: ['u-1'],
        menteeIds: ['u-2'],
        score: 80,
        source: 'admin',
        expiresAt: iso('2026-01-20'),
      },
      iso('2026-01-06'),
    ),
    relationship(
      'matching.relationship.started',
      { ...relationshipRef, mentorIds: ['u-1'], menteeIds: ['u-2'], startedAt: iso('2026-01-07') },
      iso('2026-01-07'),
    ),
    relationship(
      'matching.relationship.paused',
      { ...relationshipRef, by: 'admin-1', reason: 'holiday' },
      iso('2026-02-01'),
    ),
    relationship('matching.relationship.resumed', { ...relationshipRef, by: 'admin-1' }, iso('2026-02-10')),
    session(
      'sessions.session.scheduled',
      {
        sessionId: 's-1',
        ...relationshipRef,
        scheduledBy: 'u-1',
        kind: 'meeting',
        startsAt: iso('2026-01-09'),
        durationMinutes: 60,
      },
      iso('2026-01-08'),
    ),
    session(
      'sessions.session.held',
      {
        sessionId: 's-1',
        ...relationshipRef,
        kind: 'meeting',
        heldAt: iso('2026-01-09'),
        durationMinutes: 45,
        attendeeIds: ['u-1', 'u-2'],
      },
      iso('2026-01-09'),
    ),
    session(
      'sessions.session.feedback-submitted',
      { sessionId: 's-1', ...relationshipRef, participantId: 'u-2', rating: 2, helpful: false },
      iso('2026-01-10'),
    ),
    session(
      'sessions.session.feedback-submitted',
      { sessionId: 's-1', ...relationshipRef, participantId: 'u-2', rating: 5, helpful: true },
      iso('2026-01-11'),
    ),
    session(
      'sessions.session.feedback-submitted',
      {
        sessionId: 's-1',
        ...relationshipRef,
        participantId: 'u-1',
        rating: 4,
        helpful: true,
        menteeRatings: [{ menteeId: 'u-2', rating: 3 }],
      },
      iso('2026-01-10'),
    ),
    stream('participant-pa-2')(
      'matching.participant.enrolled',
      { programId, participantId: 'pa-2', userId: 'u-2', roles: ['mentee'], facets: { department: 'eng' } },
      iso('2026-01-02'),
    ),
    goal(
      'goals.goal.set',
      {
        goalId: 'g-1',
        ...relationshipRef,
        ownerId: 'u-2',
        targetDate: '2026-03-01',
        measure: { kind: 'milestones' },
        horizon: 'short-term',
        setAt: iso('2026-01-09'),
      },
      iso('2026-01-09'),
    ),
    goal(
      'goals.goal.milestone-completed',
      {
        goalId: 'g-1',
        ...relationshipRef,
        milestoneId: 'm-1',
        completedBy: 'u-2',
        completedAt: iso('2026-01-20'),
      },
      iso('2026-01-20'),
    ),
    goal(
      'goals.goal.completed',
      { goalId: 'g-1', ...relationshipRef, completedBy: 'u-2', completedAt: iso('2026-02-20') },
      iso('2026-02-20'),
    ),
    checkIns(
      'sessions.relationship.check-in-overdue',
      { ...relationshipRef, expectedBy: iso('2026-02-05') },
      iso('2026-02-06'),
    ),
  ];
}

/** Applies deliveries to an in-memory store keyed like the service's collection. */
function project(deliveries: readonly RecordedEvent[]): Map<string, FactRecord> {
  const store = new Map<string, FactRecord>();
  for (const event of deliveries) {
    const key = factKeyOf(event);
    if (!key) continue;
    const id = `${key.kind}/${key.id}`;
    const next = recordInFact(store.get(id), event);
    if (next !== 'unchanged') store.set(id, next);
  }
  return store;
}

describe('fact records', () => {
  it('fold each aggregate into its fact', () => {
    const store = project(history());
    expect(store.get('relationship/r-1')?.fact).toMatchObject({
      status: 'active',
      startedAt: iso('2026-01-07'),
      mentorIds: ['u-1'],
      menteeIds: ['u-2'],
    });
    expect(store.get('session/s-1')?.fact).toMatchObject({
      status: 'held',
      durationMinutes: 45,
      ratings: [
        { participantId: 'u-2', rating: 5 },
        { participantId: 'u-1', rating: 4, menteeRatings: [{ menteeId: 'u-2', rating: 3 }] },
      ],
    });
    expect(store.get('goal/g-1')?.fact).toMatchObject({
      status: 'completed',
      completedAt: iso('2026-02-20'),
      milestonesCompleted: [{ milestoneId: 'm-1' }],
    });
    expect(store.get('program/p-1')?.fact).toMatchObject({
      programType: 'one-to-one',
      status: 'active',
      sessionsPerMonth: 2,
      adminIds: ['admin-1'],
    });
    expect(store.get('participant/pa-2')?.fact).toMatchObject({
      userId: 'u-2',
      roles: ['mentee'],
      enrolledAt: iso('2026-01-02'),
    });
    expect(store.get('check-ins/r-1')?.fact).toMatchObject({ overdueSince: iso('2026-02-05') });
  });

  it('ignore events no question needs', () => {
    const run = stream('match-run-1');
    const event = run(
      'matching.match-run.completed',
      { programId, runId: 'run-1', proposedPairs: 1, unmatchedMentees: 0, totalScore: 1, optimal: true },
      iso('2026-01-02'),
    );
    expect(recordInFact(undefined, event)).toBe('unchanged');
  });

  it('converge to the same records under any interleaving across streams and any redelivery', () => {
    const events = history();
    const expected = project(events);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        fc.array(fc.nat({ max: events.length - 1 }), { maxLength: 10 }),
        (shuffled, redelivered) => {
          const deliveries = [...shuffled];
          for (const index of redelivered) deliveries.splice(index, 0, events[index]!);
          expect(project(deliveries)).toEqual(expected);
        },
      ),
    );
  });

  it('refold only what was recorded by a past date', () => {
    const record = project(history()).get('relationship/r-1')!;
    expect(foldFact(record.key, record.history, iso('2026-02-05'))).toMatchObject({ status: 'paused' });
    expect(foldFact(record.key, record.history, iso('2026-01-06', '23:00:00'))).toMatchObject({
      status: 'proposed',
      startedAt: null,
    });
    expect(foldFact(record.key, record.history, iso('2025-12-31'))).toBeUndefined();
    expect(foldFact(record.key, record.history)).toMatchObject({ status: 'active' });
  });
});
