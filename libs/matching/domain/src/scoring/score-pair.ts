import type { CompiledCriterion } from './compiled-rules';
import { compiledScoringFor, type CompiledScoring } from './compiled-scoring';
import { criterionFraction } from './criterion-fraction';
import { violatedRules } from './hard-rules';
import type { MatchingProfile, MatchingRules, ScoringContext } from './matching-profile';
import type { PreparedProfile } from './prepared-profile';

/** Points a criterion earns, in whole hundredths of a point (so points have exactly 2 decimals). */
export function criterionHundredths(
  scoring: CompiledScoring,
  criterion: CompiledCriterion,
  mentee: PreparedProfile,
  mentor: PreparedProfile,
): number {
  return Math.round(
    criterion.maxHundredths * criterionFraction(criterion, scoring.rules.programType, mentee, mentor),
  );
}

/** The pair's score (sum of the criteria's rounded points), or null when a hard rule excludes it. */
export function scorePrepared(
  scoring: CompiledScoring,
  mentee: PreparedProfile,
  mentor: PreparedProfile,
): number | null {
  if (violatedRules(scoring.rules.hardRules, scoring.rules.programType, mentee, mentor) !== 0) return null;
  const { criteria } = scoring;
  let hundredths = 0;
  for (let i = 0; i < criteria.length; i++)
    hundredths += criterionHundredths(scoring, criteria[i] as CompiledCriterion, mentee, mentor);
  return hundredths / 100;
}

/**
 * Fast path for hot loops: the same score as `assessPair`, or null when a hard rule excludes the
 * pair. The minimum score is NOT applied here (callers tell "excluded" from "too low").
 * Rules, context and profiles are compiled on first use and cached by object identity, so treat
 * them as immutable values.
 */
export function scorePair(
  mentee: MatchingProfile,
  mentor: MatchingProfile,
  rules: MatchingRules,
  context: ScoringContext,
): number | null {
  const scoring = compiledScoringFor(rules, context);
  return scorePrepared(scoring, scoring.prepare(mentee), scoring.prepare(mentor));
}

/** Scores a pair by index into the arrays given to `createPairScorer`. */
export type PairScorer = (menteeIndex: number, mentorIndex: number) => number | null;

/** Prepares every profile once and returns an allocation-free scorer by index: what the solver and bench call. */
export function createPairScorer(
  mentees: readonly MatchingProfile[],
  mentors: readonly MatchingProfile[],
  rules: MatchingRules,
  context: ScoringContext,
): PairScorer {
  const scoring = compiledScoringFor(rules, context);
  const preparedMentees = mentees.map((profile) => scoring.prepare(profile));
  const preparedMentors = mentors.map((profile) => scoring.prepare(profile));
  return (menteeIndex, mentorIndex) => {
    const mentee = preparedMentees[menteeIndex];
    const mentor = preparedMentors[mentorIndex];
    if (!mentee || !mentor)
      throw new RangeError(
        `No pair (${menteeIndex}, ${mentorIndex}): ${mentees.length} mentees, ${mentors.length} mentors`,
      );
    return scorePrepared(scoring, mentee, mentor);
  };
}
