import { factKeyOf } from '../facts/fact-key';
import { factSetOf } from '../facts/fact-set';
import type { Fact } from '../facts/fact-types';
import { foldFact } from '../facts/fold-fact';
import type { RecordedEvent } from '../facts/recorded-event';
import { iso, stream } from '../shared/event-history.test-kit';
import { achievements } from './achievements';

const programId = 'p-1';
const ref = { relationshipId: 'r-1', programId };
const relationship = stream('relationship-r-1');
const goal = stream('goal-g-1');
const events: RecordedEvent[] = [
  relationship(
    'matching.relationship.started',
    { ...ref, mentorIds: ['ann'], menteeIds: ['dee'], startedAt: iso('2026-01-05') },
    iso('2026-01-05'),
  ),
  goal(
    'goals.goal.set',
    {
      goalId: 'g-1',
      ...ref,
      ownerId: 'dee',
      targetDate: '2026-04-01',
      measure: { kind: 'milestones' },
      horizon: 'short-term',
      setAt: iso('2026-01-06'),
    },
    iso('2026-01-06'),
  ),
  goal(
    'goals.goal.milestone-completed',
    { goalId: 'g-1', ...ref, milestoneId: 'm-1', completedBy: 'dee', completedAt: iso('2026-02-01') },
    iso('2026-02-01'),
  ),
  goal(
    'goals.goal.completed',
    { goalId: 'g-1', ...ref, completedBy: 'dee', completedAt: iso('2026-03-01') },
    iso('2026-03-01'),
  ),
  relationship('matching.relationship.ended', { ...ref, by: 'dee', reason: 'completed' }, iso('2026-05-01')),
  relationship(
    'matching.relationship.reflection-submitted',
    { ...ref, participantId: 'dee', rating: 5, skillsGained: [] },
    iso('2026-05-03'),
  ),
];

/** The facts as the reader refolds them for `asOf`: each aggregate's history up to that instant. */
function factsAsOf(asOf?: string): Fact[] {
  const byStream = new Map<string, RecordedEvent[]>();
  for (const e of events) byStream.set(e.stream, [...(byStream.get(e.stream) ?? []), e]);
  return [...byStream.values()].flatMap((history) => {
    const fact = foldFact(factKeyOf(history[0]!)!, history, asOf);
    return fact ? [fact] : [];
  });
}
const kindsAsOf = (asOf?: string) =>
  achievements(factSetOf(factsAsOf(asOf)), programId).map((a) => `${a.kind}@${a.at.slice(0, 10)}`);

describe('achievements as of a past instant', () => {
  it('shows only what had been achieved and recorded by then', () => {
    expect(kindsAsOf(iso('2026-02-15'))).toEqual(['milestone-completed@2026-02-01']);
    expect(kindsAsOf(iso('2026-03-01'))).toEqual([
      'goal-completed@2026-03-01',
      'milestone-completed@2026-02-01',
    ]);
  });

  it('counts a relationship completed well only once its reflections were in', () => {
    expect(kindsAsOf(iso('2026-05-02'))).not.toContain('relationship-completed@2026-05-01');
    expect(kindsAsOf(iso('2026-05-03'))).toContain('relationship-completed@2026-05-01');
    expect(kindsAsOf()).toEqual(kindsAsOf(iso('2026-12-31')));
  });
});
