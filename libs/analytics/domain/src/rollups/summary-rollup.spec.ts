import fc from 'fast-check';
import { factKeyOf } from '../facts/fact-key';
import { recordInFact, type FactRecord } from '../facts/fact-record';
import { factSetOf } from '../facts/fact-set';
import type { RecordedEvent } from '../facts/recorded-event';
import { programSummary } from '../program/program-summary';
import { iso, stream } from '../shared/event-history.test-kit';
import {
  matchedChange,
  SUMMARY_COUNTERS,
  summaryDeltaOf,
  summaryFromRollup,
  type SummaryCounter,
} from './summary-rollup';

const programId = 'p-1';

/** Two relationships of one mentee (one ends), sessions held and rated, goals, a withdrawal. */
function history(): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  const enrol = (participantId: string, userId: string, roles: ('mentor' | 'mentee')[]) =>
    stream(`participant-${participantId}`)(
      'matching.participant.enrolled',
      { programId, participantId, userId, roles, facets: {} },
      iso('2026-01-02'),
    );
  const mentee = stream('participant-pa-3');
  events.push(
    enrol('pa-1', 'u-1', ['mentor']),
    enrol('pa-2', 'u-2', ['mentee']),
    enrol('pa-4', 'u-4', ['mentor', 'mentee']),
    mentee(
      'matching.participant.enrolled',
      { programId, participantId: 'pa-3', userId: 'u-3', roles: ['mentee'], facets: {} },
      iso('2026-01-02'),
    ),
    mentee(
      'matching.participant.withdrew',
      { programId, participantId: 'pa-3', reason: 'left' },
      iso('2026-01-03'),
    ),
  );
  for (const [relationshipId, mentorId, ends] of [
    ['r-1', 'u-1', false],
    ['r-2', 'u-4', true],
  ] as const) {
    const relationship = stream(`relationship-${relationshipId}`);
    const ref = { relationshipId, programId };
    events.push(
      relationship(
        'matching.relationship.proposed',
        {
          ...ref,
          mentorIds: [mentorId],
          menteeIds: ['u-2'],
          score: 80,
          source: 'admin',
          expiresAt: iso('2026-01-20'),
        },
        iso('2026-01-06'),
      ),
      relationship(
        'matching.relationship.started',
        { ...ref, mentorIds: [mentorId], menteeIds: ['u-2'], startedAt: iso('2026-01-07') },
        iso('2026-01-07'),
      ),
    );
    if (ends)
      events.push(
        relationship(
          'matching.relationship.ended',
          { ...ref, by: 'admin-1', reason: 'completed' },
          iso('2026-03-01'),
        ),
      );
    for (const [n, rated] of [
      [1, true],
      [2, false],
    ] as const) {
      const sessionId = `s-${relationshipId}-${n}`;
      const session = stream(`session-${sessionId}`);
      events.push(
        session(
          'sessions.session.scheduled',
          {
            sessionId,
            ...ref,
            scheduledBy: mentorId,
            kind: 'meeting',
            startsAt: iso('2026-01-09'),
            durationMinutes: 60,
          },
          iso('2026-01-08'),
        ),
        session(
          'sessions.session.held',
          {
            sessionId,
            ...ref,
            kind: 'meeting',
            heldAt: iso('2026-01-09'),
            durationMinutes: 45 + n,
            attendeeIds: [mentorId, 'u-2'],
          },
          iso('2026-01-09'),
        ),
      );
      if (rated) {
        events.push(
          session(
            'sessions.session.feedback-submitted',
            { sessionId, ...ref, participantId: 'u-2', rating: 2, helpful: false },
            iso('2026-01-10'),
          ),
          session(
            'sessions.session.feedback-submitted',
            { sessionId, ...ref, participantId: 'u-2', rating: 5, helpful: true },
            iso('2026-01-11'),
          ),
        );
      }
    }
    const goalId = `g-${relationshipId}`;
    const goal = stream(`goal-${goalId}`);
    events.push(
      goal(
        'goals.goal.set',
        {
          goalId,
          ...ref,
          ownerId: 'u-2',
          targetDate: '2026-03-01',
          measure: { kind: 'milestones' },
          horizon: 'short-term',
          setAt: iso('2026-01-09'),
        },
        iso('2026-01-09'),
      ),
    );
    if (ends)
      events.push(
        goal(
          'goals.goal.completed',
          { goalId, ...ref, completedBy: 'u-2', completedAt: iso('2026-02-20') },
          iso('2026-02-20'),
        ),
      );
  }
  return events;
}

/** Facts and the program's rollup as the service keeps them: each fact's change moves the rollup by its delta. */
function project(deliveries: readonly RecordedEvent[]) {
  const facts = new Map<string, FactRecord>();
  const counters: Partial<Record<SummaryCounter, number>> = {};
  const perMentee = new Map<string, number>();
  let matchedMentees = 0;
  for (const event of deliveries) {
    const key = factKeyOf(event);
    if (!key) continue;
    const id = `${key.kind}/${key.id}`;
    const before = facts.get(id);
    const next = recordInFact(before, event);
    if (next === 'unchanged') continue;
    facts.set(id, next);
    const delta = summaryDeltaOf(before?.fact, next.fact);
    for (const [counter, change] of Object.entries(delta.counters) as [SummaryCounter, number][])
      counters[counter] = (counters[counter] ?? 0) + change;
    for (const [mentee, change] of delta.mentees) {
      const was = perMentee.get(mentee) ?? 0;
      matchedMentees += matchedChange(was, change);
      perMentee.set(mentee, was + change);
    }
  }
  return { facts, rollup: { counters, matchedMentees } };
}

describe('summary rollup', () => {
  it('gives the summary the facts give, each mentee matched once however many relationships', () => {
    const { facts, rollup } = project(history());
    const expected = programSummary(factSetOf([...facts.values()].map((r) => r.fact)), programId);
    expect(summaryFromRollup(programId, rollup, expected.checkInsOverdue)).toEqual(expected);
    expect(expected).toMatchObject({
      enrolledMentors: 2,
      enrolledMentees: 2, // pa-3 withdrew
      matchedMentees: 1,
      relationships: { active: 1, paused: 0, ended: 1 },
      sessionsHeld: 4,
      goalsSet: 2,
      goalsCompleted: 1,
      averageSessionRating: 5,
    });
  });

  it('converges to the same rollup under any interleaving and any redelivery', () => {
    const events = history();
    const expected = project(events).rollup;
    fc.assert(
      fc.property(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        fc.array(fc.nat({ max: events.length - 1 }), { maxLength: 15 }),
        (shuffled, redelivered) => {
          const deliveries = [...shuffled];
          for (const index of redelivered) deliveries.splice(index, 0, events[index]!);
          const { rollup } = project(deliveries);
          for (const counter of SUMMARY_COUNTERS)
            expect(rollup.counters[counter] ?? 0).toBe(expected.counters[counter] ?? 0);
          expect(rollup.matchedMentees).toBe(expected.matchedMentees);
        },
      ),
    );
  });

  it('moves nothing for a fact whose contribution did not change', () => {
    const [enrolled] = history();
    const fact = recordInFact(undefined, enrolled!);
    if (fact === 'unchanged') throw new Error('expected a fact');
    const delta = summaryDeltaOf(fact.fact, fact.fact);
    expect(delta.counters).toEqual({});
    expect(delta.mentees.size).toBe(0);
  });
});
