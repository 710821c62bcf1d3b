import { factKeyOf } from '../facts/fact-key';
import { factSetOf } from '../facts/fact-set';
import type { Fact } from '../facts/fact-types';
import { foldFact } from '../facts/fold-fact';
import type { RecordedEvent } from '../facts/recorded-event';
import { iso, stream } from '../shared/event-history.test-kit';
import { parseAnalyticsQuery } from './analytics-query';
import { runQuery } from './run-query';

const programId = 'p-1';
const ref = { relationshipId: 'r-1', programId };

/** Folds each aggregate's events into its fact, as the projector does. */
function factsOf(events: readonly RecordedEvent[]): Fact[] {
  const byStream = new Map<string, RecordedEvent[]>();
  for (const event of events) byStream.set(event.stream, [...(byStream.get(event.stream) ?? []), event]);
  return [...byStream.values()].flatMap((history) => {
    const key = factKeyOf(history[0]!);
    const fact = key ? foldFact(key, history) : undefined;
    return fact ? [fact] : [];
  });
}

const relationship = stream('relationship-r-1');
const session = stream('session-s-1');
const events = [
  relationship(
    'matching.relationship.started',
    { ...ref, mentorIds: ['mentor'], menteeIds: ['mentee'], startedAt: iso('2026-01-05') },
    iso('2026-01-05'),
  ),
  session(
    'sessions.session.feedback-submitted',
    { ...ref, sessionId: 's-1', participantId: 'mentee', rating: 4, helpful: true, mentorRating: 5 },
    iso('2026-02-10'),
  ),
  session(
    'sessions.session.feedback-submitted',
    {
      ...ref,
      sessionId: 's-1',
      participantId: 'mentor',
      rating: 2,
      helpful: false,
      menteeRatings: [{ menteeId: 'mentee', rating: 4 }],
    },
    iso('2026-02-10'),
  ),
  relationship(
    'matching.relationship.ended',
    { ...ref, by: 'mentee', reason: 'completed' },
    iso('2026-06-01'),
  ),
  relationship(
    'matching.relationship.reflection-submitted',
    {
      ...ref,
      participantId: 'mentee',
      rating: 5,
      goalsAchieved: 'yes',
      wouldRecommend: true,
      skillsGained: ['negotiation', 'delegation'],
    },
    iso('2026-06-02'),
  ),
  relationship(
    'matching.relationship.reflection-submitted',
    {
      ...ref,
      participantId: 'mentor',
      rating: 4,
      goalsAchieved: 'partly',
      wouldRecommend: false,
      skillsGained: ['coaching'],
    },
    iso('2026-06-03'),
  ),
];

describe('feedback and reflection outcomes as measures', () => {
  it('given feedback and closing reflections, measures the mentor rating, helpfulness and the outcomes', () => {
    const query = parseAnalyticsQuery({
      measures: [
        'averageMentorRating',
        'helpfulRate',
        'goalsAchievedRate',
        'wouldRecommendRate',
        'skillsGained',
      ],
    });
    expect(runQuery(factSetOf(factsOf(events)), query).rows).toEqual([
      {
        dimensions: {},
        measures: {
          averageMentorRating: 5,
          helpfulRate: 0.5,
          goalsAchievedRate: 0.75,
          wouldRecommendRate: 0.5,
          skillsGained: 3,
        },
        suppressed: false,
      },
    ]);
  });

  it('dates each by when it was given: reflections fall in the month they were submitted', () => {
    const query = parseAnalyticsQuery({
      measures: ['helpfulRate', 'wouldRecommendRate'],
      timeGrain: 'month',
    });
    expect(runQuery(factSetOf(factsOf(events)), query).rows.map((r) => [r.period, r.measures])).toEqual([
      ['2026-02', { helpfulRate: 0.5, wouldRecommendRate: null }],
      ['2026-06', { helpfulRate: null, wouldRecommendRate: 0.5 }],
    ]);
  });
});
