import { heldSessionsByRelationship, isHeld, type FactSet } from '../facts/fact-set';
import type { GoalFact, ReflectionOutcome, RelationshipFact } from '../facts/fact-types';
import { daysBetween } from '../shared/time';
import type { Contribution } from './contribution';
import { daysToMatch, enrolments, mentorLoads, mentorRetention } from './participant-measures';

export type { Contribution } from './contribution';

export const MEASURES = [
  'relationships',
  'activeRelationships',
  'relationshipsCompleted',
  'sessionsHeld',
  'sessionHours',
  'goalsSet',
  'goalsCompleted',
  'goalCompletionRate',
  'averageRating',
  'medianDaysToFirstSession',
  'averageMentorRating',
  'helpfulRate',
  'goalsAchievedRate',
  'wouldRecommendRate',
  'skillsGained',
  'averageMenteeRating',
  'averageReflectionRating',
  'mentorsEnrolled',
  'menteesEnrolled',
  'averageMentorLoad',
  'medianDaysToMatch',
  'mentorRetentionRate',
] as const;
export type Measure = (typeof MEASURES)[number];

export type Aggregation = 'sum' | 'mean' | 'median';

/** How each measure folds its contributions. Counts are sums of ones. */
export const AGGREGATION: Readonly<Record<Measure, Aggregation>> = {
  relationships: 'sum',
  activeRelationships: 'sum',
  relationshipsCompleted: 'sum',
  sessionsHeld: 'sum',
  sessionHours: 'sum',
  goalsSet: 'sum',
  goalsCompleted: 'sum',
  goalCompletionRate: 'mean',
  averageRating: 'mean',
  medianDaysToFirstSession: 'median',
  averageMentorRating: 'mean',
  helpfulRate: 'mean',
  goalsAchievedRate: 'mean',
  wouldRecommendRate: 'mean',
  skillsGained: 'sum',
  averageMenteeRating: 'mean',
  averageReflectionRating: 'mean',
  mentorsEnrolled: 'sum',
  menteesEnrolled: 'sum',
  averageMentorLoad: 'mean',
  medianDaysToMatch: 'median',
  mentorRetentionRate: 'mean',
};

/**
 * Measures that look past the programs a query is filtered to (a mentor's later programs): the
 * reader must load every program the caller may read, and the program filter applies to the rows.
 */
export const CROSS_PROGRAM_MEASURES: ReadonlySet<Measure> = new Set(['mentorRetentionRate']);

/** What a closing reflection's `goalsAchieved` counts for in `goalsAchievedRate`: partly is half. */
export const GOALS_ACHIEVED_SCORE = { yes: 1, partly: 0.5, no: 0 } as const;

/**
 * What each measure counts, dated by when it happened: relationships by their start (active = of
 * those, still active now), sessions when held, goals when set (completion rate = of those, the
 * share completed) or completed, ratings when given (helpful = share of feedback that found the
 * session helpful), reflection outcomes when the reflection was submitted; the people measures
 * are in participant-measures.ts.
 */
export function contributionsOf(measure: Measure, facts: FactSet): Contribution[] {
  const relationships = [...facts.relationships.values()];
  const started = relationships.filter(
    (r): r is RelationshipFact & { startedAt: string } => r.startedAt !== null,
  );
  const held = facts.sessions.filter(isHeld);
  const goals = facts.goals.filter((g): g is GoalFact & { setAt: string } => g.setAt !== null);
  const of = (programId: string, relationshipId: string, at: string, value = 1): Contribution => ({
    programId,
    relationshipId,
    at,
    value,
  });
  switch (measure) {
    case 'relationships':
      return started.map((r) => of(r.programId, r.relationshipId, r.startedAt));
    case 'activeRelationships':
      return started.map((r) =>
        of(r.programId, r.relationshipId, r.startedAt, r.status === 'active' ? 1 : 0),
      );
    case 'relationshipsCompleted':
      return relationships.flatMap((r) =>
        r.status === 'ended' && r.endReason === 'completed' && r.endedAt !== null
          ? [of(r.programId, r.relationshipId, r.endedAt)]
          : [],
      );
    case 'sessionsHeld':
      return held.map((s) => of(s.programId, s.relationshipId, s.heldAt));
    case 'sessionHours':
      return held.map((s) => of(s.programId, s.relationshipId, s.heldAt, s.durationMinutes / 60));
    case 'goalsSet':
      return goals.map((g) => of(g.programId, g.relationshipId, g.setAt));
    case 'goalsCompleted':
      return goals.flatMap((g) =>
        g.completedAt === null ? [] : [of(g.programId, g.relationshipId, g.completedAt)],
      );
    case 'goalCompletionRate':
      return goals.map((g) => of(g.programId, g.relationshipId, g.setAt, g.status === 'completed' ? 1 : 0));
    case 'averageRating':
      return facts.sessions.flatMap((s) =>
        s.ratings.map((r) => of(s.programId, s.relationshipId, r.at, r.rating)),
      );
    case 'averageMentorRating':
      return facts.sessions.flatMap((s) =>
        s.ratings.flatMap((r) =>
          r.mentorRating === undefined ? [] : [of(s.programId, s.relationshipId, r.at, r.mentorRating)],
        ),
      );
    case 'averageMenteeRating':
      // A mentor's rating of each mentee, about that mentee: dimensions and k count them alone.
      return facts.sessions.flatMap((s) =>
        s.ratings.flatMap((r) =>
          (r.menteeRatings ?? []).map((m) => ({
            ...of(s.programId, s.relationshipId, r.at, m.rating),
            people: { mentorIds: [], menteeIds: [m.menteeId] },
          })),
        ),
      );
    case 'averageReflectionRating':
      return reflectionsOf(relationships).flatMap(([r, reflection]) =>
        reflection.rating === undefined
          ? []
          : [of(r.programId, r.relationshipId, reflection.at, reflection.rating)],
      );
    case 'mentorsEnrolled':
      return enrolments(facts, 'mentor');
    case 'menteesEnrolled':
      return enrolments(facts, 'mentee');
    case 'averageMentorLoad':
      return mentorLoads(facts);
    case 'medianDaysToMatch':
      return daysToMatch(facts);
    case 'mentorRetentionRate':
      return mentorRetention(facts);
    case 'helpfulRate':
      return facts.sessions.flatMap((s) =>
        s.ratings.flatMap((r) =>
          r.helpful === undefined ? [] : [of(s.programId, s.relationshipId, r.at, r.helpful ? 1 : 0)],
        ),
      );
    case 'goalsAchievedRate':
      return reflectionsOf(relationships).flatMap(([r, reflection]) =>
        reflection.goalsAchieved === undefined
          ? []
          : [
              of(
                r.programId,
                r.relationshipId,
                reflection.at,
                GOALS_ACHIEVED_SCORE[reflection.goalsAchieved],
              ),
            ],
      );
    case 'wouldRecommendRate':
      return reflectionsOf(relationships).flatMap(([r, reflection]) =>
        reflection.wouldRecommend === undefined
          ? []
          : [of(r.programId, r.relationshipId, reflection.at, reflection.wouldRecommend ? 1 : 0)],
      );
    case 'skillsGained':
      return reflectionsOf(relationships).map(([r, reflection]) =>
        of(r.programId, r.relationshipId, reflection.at, reflection.skillsGained.length),
      );
    case 'medianDaysToFirstSession': {
      const firstHeld = heldSessionsByRelationship(facts);
      return started.flatMap((r) => {
        const first = firstHeld.get(r.relationshipId)?.[0]?.heldAt;
        return first ? [of(r.programId, r.relationshipId, r.startedAt, daysBetween(r.startedAt, first))] : [];
      });
    }
    default: {
      const exhaustive: never = measure;
      return exhaustive;
    }
  }
}

const reflectionsOf = (relationships: readonly RelationshipFact[]) =>
  relationships.flatMap((r) =>
    (r.reflections ?? []).map((reflection): [RelationshipFact, ReflectionOutcome] => [r, reflection]),
  );
