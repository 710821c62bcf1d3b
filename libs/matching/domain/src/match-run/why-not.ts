import {
  assessPrepared,
  scoreBreakdown,
  type CriterionScore,
  type RuleViolation,
} from '../scoring/assess-pair';
import { compiledScoringFor } from '../scoring/compiled-scoring';
import type { MatchingProfile, MatchingRules, ScoringContext } from '../scoring/matching-profile';

/** What stands between a mentee and a mentor in a match run, besides the other people in it. */
export type PairBlocker =
  | { readonly kind: 'hard-rule'; readonly rule: RuleViolation['rule']; readonly explanation: string }
  | { readonly kind: 'below-minimum-score'; readonly explanation: string }
  | { readonly kind: 'mentor-full'; readonly explanation: string };

export interface PairExplanation {
  /** Whether a match run could propose this pair at all (no blocker). */
  readonly possible: boolean;
  /** What the pair would score, even when a hard rule excludes it: 0–100. */
  readonly score: number;
  readonly minimumScore: number;
  readonly breakdown: readonly CriterionScore[];
  /** Every reason the pair cannot be made, hard rules first, in their order; empty when possible. */
  readonly blockers: readonly PairBlocker[];
}

/**
 * "Why not X with Y?": the pair's full score breakdown and every hard rule, the minimum score and the
 * mentor's room that keep a run from proposing it. It explains; it decides nothing and makes nothing.
 */
export function explainPair(input: {
  readonly mentee: MatchingProfile;
  readonly mentor: MatchingProfile;
  readonly rules: MatchingRules;
  readonly context: ScoringContext;
  /** Places the mentor has left (after open relationships and pending proposals). */
  readonly mentorRemainingCapacity: number;
}): PairExplanation {
  const { rules } = input;
  const scoring = compiledScoringFor(rules, input.context);
  const mentee = scoring.prepare(input.mentee);
  const mentor = scoring.prepare(input.mentor);
  const assessment = assessPrepared(scoring, mentee, mentor);
  const { score, breakdown } = scoreBreakdown(scoring, mentee, mentor);
  const blockers: PairBlocker[] = assessment.eligible
    ? []
    : assessment.excludedBy.map((v) => ({ kind: 'hard-rule', rule: v.rule, explanation: v.explanation }));
  if (score < rules.minimumScore)
    blockers.push({
      kind: 'below-minimum-score',
      explanation: `the pair scores ${score}, below the program's minimum of ${rules.minimumScore}`,
    });
  if (input.mentorRemainingCapacity <= 0)
    blockers.push({
      kind: 'mentor-full',
      explanation: 'the mentor has no place left (open relationships and pending proposals fill it)',
    });
  return { possible: blockers.length === 0, score, minimumScore: rules.minimumScore, breakdown, blockers };
}
