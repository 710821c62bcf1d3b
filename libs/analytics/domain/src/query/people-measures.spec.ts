import { factSetOf } from '../facts/fact-set';
import type { Facets, Fact, ParticipantFact, RelationshipFact, SessionFact } from '../facts/fact-types';
import { iso } from '../shared/event-history.test-kit';
import { parseAnalyticsQuery, type AnalyticsQueryInput } from './analytics-query';
import { runQuery } from './run-query';

const enrolled = (
  programId: string,
  userId: string,
  role: 'mentor' | 'mentee',
  day: string,
  facets: Facets = {},
  withdrawnAt: string | null = null,
): ParticipantFact => ({
  kind: 'participant',
  participantId: `${programId}-${userId}`,
  programId,
  userId,
  roles: [role],
  facets,
  enrolledAt: iso(day),
  withdrawnAt,
});
const started = (
  programId: string,
  id: string,
  mentorIds: string[],
  menteeIds: string[],
  day: string,
  fields: Partial<RelationshipFact> = {},
): RelationshipFact => ({
  kind: 'relationship',
  relationshipId: id,
  programId,
  mentorIds,
  menteeIds,
  status: 'active',
  proposedAt: iso(day),
  startedAt: iso(day),
  endedAt: null,
  endReason: null,
  sessionsPerMonth: null,
  reflectionRatings: [],
  ...fields,
});
const ask = (facts: Fact[], input: AnalyticsQueryInput, k = 2) =>
  runQuery(factSetOf(facts), parseAnalyticsQuery(input), k).rows.map((r) => ({
    ...r.dimensions,
    ...(r.period ? { period: r.period } : {}),
    ...r.measures,
    ...(r.suppressed ? { suppressed: true } : {}),
  }));

describe('enrolment and mentor load', () => {
  const facts: Fact[] = [
    enrolled('p-1', 'ann', 'mentor', '2026-01-02', { department: 'eng' }),
    enrolled('p-1', 'bob', 'mentor', '2026-01-03', { department: 'ops' }),
    enrolled('p-1', 'cid', 'mentor', '2026-02-01', { department: 'eng' }, iso('2026-02-10')),
    enrolled('p-1', 'dee', 'mentee', '2026-01-04'),
    enrolled('p-1', 'eve', 'mentee', '2026-01-05'),
    enrolled('p-1', 'fay', 'mentee', '2026-02-02'),
    started('p-1', 'r-1', ['ann'], ['dee'], '2026-01-10'),
    started('p-1', 'r-2', ['ann'], ['eve'], '2026-01-12', { status: 'paused' }),
    started('p-1', 'r-3', ['bob'], ['fay'], '2026-02-12', { status: 'ended', endedAt: iso('2026-03-01') }),
  ];

  it('counts enrolments by role when they happened, withdrawn ones too', () => {
    expect(ask(facts, { measures: ['mentorsEnrolled', 'menteesEnrolled'], timeGrain: 'month' })).toEqual([
      { period: '2026-01', mentorsEnrolled: 2, menteesEnrolled: 2 },
      { period: '2026-02', mentorsEnrolled: 1, menteesEnrolled: 1 },
    ]);
  });

  it('averages the mentees of open relationships over enrolled mentors, idle ones as 0', () => {
    expect(ask(facts, { measures: ['averageMentorLoad'] })).toEqual([{ averageMentorLoad: 1 }]);
  });

  it('describes a mentor by their own department, and counts them alone for k', () => {
    // Enrolments belong to no relationship: only the mentors themselves make up each row's k.
    const withGil = [...facts, enrolled('p-1', 'gil', 'mentor', '2026-03-01', { department: 'ops' })];
    expect(
      ask(withGil, { measures: ['mentorsEnrolled', 'averageMentorLoad'], dimensions: ['mentorDepartment'] }),
    ).toEqual([
      { mentorDepartment: 'eng', mentorsEnrolled: 2, averageMentorLoad: 2 },
      { mentorDepartment: 'ops', mentorsEnrolled: 2, averageMentorLoad: 0 },
    ]);
  });
});

describe('time to match', () => {
  it('takes the median days from a mentee’s enrolment to their first relationship’s start', () => {
    const facts: Fact[] = [
      enrolled('p-1', 'dee', 'mentee', '2026-01-01'),
      enrolled('p-1', 'eve', 'mentee', '2026-01-01'),
      enrolled('p-1', 'fay', 'mentee', '2026-01-01'),
      enrolled('p-1', 'gus', 'mentee', '2026-01-01'),
      started('p-1', 'r-1', ['ann'], ['dee'], '2026-01-05'),
      started('p-1', 'r-2', ['ann'], ['dee'], '2026-03-01'),
      started('p-1', 'r-3', ['bob'], ['eve', 'fay'], '2026-01-21'),
      // A proposal that never started is not a match.
      started('p-1', 'r-4', ['bob'], ['gus'], '2026-01-30', { startedAt: null, status: 'proposed' }),
    ];
    expect(ask(facts, { measures: ['medianDaysToMatch'], timeGrain: 'month' })).toEqual([
      { period: '2026-01', medianDaysToMatch: 20 },
    ]);
  });
});

describe('mentor retention across programs', () => {
  const facts: Fact[] = [
    started('spring', 'r-1', ['ann'], ['m-1'], '2026-01-10'),
    started('spring', 'r-2', ['bob'], ['m-2'], '2026-01-11'),
    started('spring', 'r-3', ['cid'], ['m-3'], '2026-01-12'),
    started('autumn', 'r-4', ['ann'], ['m-4'], '2026-09-10'),
    // Cid mentored elsewhere only before spring: not a later program.
    started('winter', 'r-5', ['cid'], ['m-5'], '2025-12-01'),
  ];

  it('is the share of a program’s mentors who mentored again in a later program', () => {
    expect(ask(facts, { measures: ['mentorRetentionRate'], dimensions: ['program'] })).toEqual([
      { program: 'autumn', mentorRetentionRate: 0 },
      { program: 'spring', mentorRetentionRate: 0.3333 },
      { program: 'winter', mentorRetentionRate: 1 },
    ]);
  });

  it('still sees the later programs when filtered to one program', () => {
    expect(ask(facts, { measures: ['mentorRetentionRate'], filters: { program: ['spring'] } })).toEqual([
      { mentorRetentionRate: 0.3333 },
    ]);
  });
});

describe('ratings by direction and closing reflections', () => {
  const session: SessionFact = {
    kind: 'session',
    sessionId: 's-1',
    relationshipId: 'r-1',
    programId: 'p-1',
    status: 'held',
    heldAt: iso('2026-02-01'),
    durationMinutes: 60,
    ratings: [
      { participantId: 'ann', rating: 4, at: iso('2026-02-01'), mentorRating: 5 },
      {
        participantId: 'bob',
        rating: 3,
        at: iso('2026-02-02'),
        menteeRatings: [
          { menteeId: 'dee', rating: 2 },
          { menteeId: 'eve', rating: 4 },
        ],
      },
    ],
  };
  const relationship = started('p-1', 'r-1', ['bob'], ['dee', 'eve'], '2026-01-10', {
    status: 'ended',
    reflectionRatings: [5, 3],
    reflections: [
      { participantId: 'dee', at: iso('2026-06-01'), rating: 5, skillsGained: [] },
      { participantId: 'bob', at: iso('2026-06-02'), rating: 3, skillsGained: [] },
    ],
  });

  it('measures mentees about their mentor and mentors about their mentees apart', () => {
    expect(
      ask([session, relationship], {
        measures: ['averageMentorRating', 'averageMenteeRating', 'averageReflectionRating'],
      }),
    ).toEqual([{ averageMentorRating: 5, averageMenteeRating: 3, averageReflectionRating: 4 }]);
  });

  it('counts only the rated mentee for k when grouped by a personal dimension', () => {
    const facts = [
      session,
      relationship,
      enrolled('p-1', 'dee', 'mentee', '2026-01-01', { department: 'eng' }),
      enrolled('p-1', 'eve', 'mentee', '2026-01-01', { department: 'eng' }),
    ];
    // Each rating is about one mentee: the row counts the two rated mentees, not the mentor.
    expect(ask(facts, { measures: ['averageMenteeRating'], dimensions: ['menteeDepartment'] })).toEqual([
      { menteeDepartment: 'eng', averageMenteeRating: 3 },
    ]);
    const split = [
      session,
      relationship,
      enrolled('p-1', 'dee', 'mentee', '2026-01-01', { department: 'eng' }),
      enrolled('p-1', 'eve', 'mentee', '2026-01-01', { department: 'ops' }),
    ];
    // Were the rating mentor counted too, each department would reach k = 2.
    expect(ask(split, { measures: ['averageMenteeRating'], dimensions: ['menteeDepartment'] })).toEqual([
      { menteeDepartment: 'eng', averageMenteeRating: null, suppressed: true },
      { menteeDepartment: 'ops', averageMenteeRating: null, suppressed: true },
    ]);
  });
});
