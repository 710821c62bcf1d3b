import type { CompiledScoring } from './compiled-scoring';
import { compiledScoringFor } from './compiled-scoring';
import { explainCriterion } from './explain-criterion';
import { explainViolation } from './explain-violation';
import { rulesInMask, violatedRules, type HardRule } from './hard-rules';
import type { MatchingProfile, MatchingRules, ScoringContext } from './matching-profile';
import type { PreparedProfile } from './prepared-profile';
import { criterionHundredths } from './score-pair';

export type { HardRule } from './hard-rules';

/** "skills 32/40: negotiation, public speaking in common (2 of 3 sought)". */
export interface CriterionScore {
  readonly criterion: string;
  readonly points: number;
  readonly maxPoints: number;
  readonly explanation: string;
}

export interface RuleViolation {
  readonly rule: HardRule;
  readonly explanation: string;
}

export type PairAssessment =
  /** score = sum of points, rounded to 2 decimals, 0–100. */
  | { readonly eligible: true; readonly score: number; readonly breakdown: readonly CriterionScore[] }
  | { readonly eligible: false; readonly excludedBy: readonly RuleViolation[] };

/** Scores a pair and explains every point, or lists every hard rule that excludes it. */
export function assessPair(
  mentee: MatchingProfile,
  mentor: MatchingProfile,
  rules: MatchingRules,
  context: ScoringContext,
): PairAssessment {
  const scoring = compiledScoringFor(rules, context);
  return assessPrepared(scoring, scoring.prepare(mentee), scoring.prepare(mentor));
}

export function assessPrepared(
  scoring: CompiledScoring,
  mentee: PreparedProfile,
  mentor: PreparedProfile,
): PairAssessment {
  const { rules, context } = scoring;
  const mask = violatedRules(rules.hardRules, rules.programType, mentee, mentor);
  if (mask !== 0) {
    return {
      eligible: false,
      excludedBy: rulesInMask(mask).map((rule) => ({
        rule,
        explanation: explainViolation(rule, rules, mentee.profile, mentor.profile, context.at),
      })),
    };
  }
  const { score, breakdown } = scoreBreakdown(scoring, mentee, mentor);
  return { eligible: true, score, breakdown };
}

/** Every criterion's points, explained, whether or not a hard rule excludes the pair. */
export function scoreBreakdown(
  scoring: CompiledScoring,
  mentee: PreparedProfile,
  mentor: PreparedProfile,
): { score: number; breakdown: CriterionScore[] } {
  const { rules, context } = scoring;
  let hundredths = 0;
  const breakdown = scoring.criteria.map((criterion): CriterionScore => {
    const earned = criterionHundredths(scoring, criterion, mentee, mentor);
    hundredths += earned;
    const points = earned / 100;
    return {
      criterion: criterion.code,
      points,
      maxPoints: criterion.maxHundredths / 100,
      explanation: explainCriterion(
        criterion,
        rules.programType,
        mentee.profile,
        mentor.profile,
        context.at,
        points,
      ),
    };
  });
  return { score: hundredths / 100, breakdown };
}
