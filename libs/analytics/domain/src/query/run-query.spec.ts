import { factSetOf } from '../facts/fact-set';
import type { Fact, ParticipantFact, RelationshipFact, SessionFact } from '../facts/fact-types';
import { iso } from '../shared/event-history.test-kit';
import { parseAnalyticsQuery } from './analytics-query';
import { runQuery } from './run-query';

const programId = 'p-1';
const participant = (
  userId: string,
  roles: ParticipantFact['roles'],
  department: string,
): ParticipantFact => ({
  kind: 'participant',
  participantId: `pa-${userId}`,
  programId,
  userId,
  roles,
  facets: { department, level: 'senior' },
  enrolledAt: iso('2026-01-01'),
  withdrawnAt: null,
});
const relationship = (id: string, mentor: string, mentee: string, startedOn: string): RelationshipFact => ({
  kind: 'relationship',
  relationshipId: id,
  programId,
  mentorIds: [mentor],
  menteeIds: [mentee],
  status: 'active',
  proposedAt: null,
  startedAt: iso(startedOn),
  endedAt: null,
  endReason: null,
  sessionsPerMonth: null,
  reflectionRatings: [],
});
const held = (
  id: string,
  relationshipId: string,
  day: string,
  minutes: number,
  ratings: number[] = [],
): SessionFact => ({
  kind: 'session',
  sessionId: id,
  relationshipId,
  programId,
  status: 'held',
  heldAt: iso(day),
  durationMinutes: minutes,
  ratings: ratings.map((rating, i) => ({ participantId: `rater-${i}`, rating, at: iso(day) })),
});

/** `mentees` relationships in department `legal` sharing one mentor: mentees + 1 participants behind the row. */
function legalCohort(mentees: number): Fact[] {
  const facts: Fact[] = [participant('mentor-legal', ['mentor'], 'sales')];
  for (let i = 0; i < mentees; i += 1) {
    facts.push(
      participant(`legal-${i}`, ['mentee'], 'legal'),
      relationship(`rl-${i}`, 'mentor-legal', `legal-${i}`, '2026-02-03'),
    );
  }
  return facts;
}
const engineering: Fact[] = Array.from({ length: 6 }, (_, i) => [
  participant(`em-${i}`, ['mentor'], 'ops'),
  participant(`ee-${i}`, ['mentee'], 'eng'),
  relationship(`re-${i}`, `em-${i}`, `ee-${i}`, i < 3 ? '2026-01-10' : '2026-02-10'),
  held(`s-${i}`, `re-${i}`, '2026-02-12', 30 * (i + 1), [(i % 5) + 1]),
]).flat();

describe('analyst queries', () => {
  it('group measures by dimensions and time grain', () => {
    const query = parseAnalyticsQuery({
      measures: ['relationships', 'sessionsHeld', 'sessionHours', 'averageRating'],
      dimensions: ['programType'],
      timeGrain: 'month',
    });
    const result = runQuery(factSetOf(engineering), query);
    expect(result.rows).toEqual([
      {
        dimensions: { programType: 'unknown' },
        period: '2026-01',
        measures: { relationships: 3, sessionsHeld: 0, sessionHours: 0, averageRating: null },
        suppressed: false,
      },
      {
        dimensions: { programType: 'unknown' },
        period: '2026-02',
        measures: { relationships: 3, sessionsHeld: 6, sessionHours: 10.5, averageRating: 2.6667 },
        suppressed: false,
      },
    ]);
  });

  it('filter by dimension values and a date range', () => {
    const query = parseAnalyticsQuery({
      measures: ['relationships'],
      filters: { program: [programId] },
      dateRange: { from: '2026-02-01', to: '2026-02-28' },
    });
    expect(runQuery(factSetOf(engineering), query).rows).toEqual([
      { dimensions: {}, measures: { relationships: 3 }, suppressed: false },
    ]);
  });

  it.each([
    [3, true],
    [4, false],
    [5, false],
  ])(
    'suppress a department row of %i mentees and their mentor only below k = 5 participants',
    (mentees, suppressed) => {
      const query = parseAnalyticsQuery({ measures: ['relationships'], dimensions: ['menteeDepartment'] });
      const legal = runQuery(factSetOf([...engineering, ...legalCohort(mentees)]), query).rows.find(
        (r) => r.dimensions.menteeDepartment === 'legal',
      );
      expect(legal).toEqual({
        dimensions: { menteeDepartment: 'legal' },
        measures: { relationships: suppressed ? null : mentees },
        suppressed,
      });
    },
  );

  it('refuse a personal filter value behind fewer than k participants, naming it', () => {
    const facts = factSetOf([...engineering, ...legalCohort(3)]);
    const query = (menteeDepartment: string[]) =>
      parseAnalyticsQuery({ measures: ['relationships'], filters: { menteeDepartment } });
    // [eng, legal] − [eng] would give legal's 3 relationships away, though both answers are large.
    expect(() => runQuery(facts, query(['eng', 'legal']))).toThrow(
      expect.objectContaining({
        code: 'filter-isolates-too-few',
        kind: 'invalid',
        message: expect.stringContaining('filter menteeDepartment=legal selects fewer than 5 participants'),
      }),
    );
    expect(runQuery(facts, query(['eng', 'nobody'])).rows).toEqual([
      { dimensions: {}, measures: { relationships: 6 }, suppressed: false },
    ]);
  });

  it('refuse a personal query whose whole answer is behind fewer than k participants', () => {
    const query = parseAnalyticsQuery({ measures: ['relationships'], dimensions: ['menteeDepartment'] });
    expect(() => runQuery(factSetOf(legalCohort(3)), query)).toThrow(
      /in scope have fewer than 5 participants/,
    );
  });

  it('suppress a complement so that the total does not give a small row away', () => {
    const query = parseAnalyticsQuery({ measures: ['relationships'], dimensions: ['menteeDepartment'] });
    const hr = Array.from({ length: 6 }, (_, i) => [
      participant(`hr-${i}`, ['mentee'], 'hr'),
      relationship(`rh-${i}`, 'mentor-legal', `hr-${i}`, '2026-02-03'),
    ]).flat();
    const rows = runQuery(factSetOf([...engineering, ...legalCohort(3), ...hr]), query).rows;
    // legal (4 people) is under k; hr (7) is the smallest other row, so it is hidden with it.
    expect(rows).toEqual([
      { dimensions: { menteeDepartment: 'eng' }, measures: { relationships: 6 }, suppressed: false },
      { dimensions: { menteeDepartment: 'hr' }, measures: { relationships: null }, suppressed: true },
      { dimensions: { menteeDepartment: 'legal' }, measures: { relationships: null }, suppressed: true },
    ]);
  });

  it('refuse unknown measures and dimensions, listing the valid ones', () => {
    expect(() => parseAnalyticsQuery({ measures: ['revenue'] })).toThrow(
      /unknown measure "revenue"; valid measures: relationships, activeRelationships/,
    );
    expect(() => parseAnalyticsQuery({ measures: ['relationships'], dimensions: ['salary'] })).toThrow(
      /unknown dimension "salary"; valid dimensions: program, programType/,
    );
    expect(() => parseAnalyticsQuery({ measures: ['relationships'], filters: { age: ['30'] } })).toThrow(
      expect.objectContaining({ code: 'unknown-dimension', kind: 'invalid' }),
    );
  });
});
