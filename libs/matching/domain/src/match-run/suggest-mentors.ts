import { assessPrepared, type CriterionScore } from '../scoring/assess-pair';
import { compiledScoringFor } from '../scoring/compiled-scoring';
import type { MatchingProfile, MatchingRules, ScoringContext } from '../scoring/matching-profile';
import type { PreparedProfile } from '../scoring/prepared-profile';
import { scorePrepared } from '../scoring/score-pair';
import { compareText } from './compare-text';

export type SuggestableMentor = MatchingProfile & {
  readonly remainingCapacity: number;
  readonly pendingSuggestions: number;
};

export interface MentorSuggestion {
  readonly mentorId: string;
  readonly score: number;
  readonly breakdown: readonly CriterionScore[];
}

/**
 * Self-select: the best eligible mentors at or above the minimum score with a place left.
 * To spread demand, a "popular" mentor (pendingSuggestions ≥ remainingCapacity) is shown only to
 * fill the list when fewer than `limit` other mentors qualify, and after them. Within each part:
 * highest score first, ties by mentorId.
 */
export function suggestMentors(
  mentee: MatchingProfile,
  mentors: readonly SuggestableMentor[],
  rules: MatchingRules,
  context: ScoringContext,
  limit: number,
): readonly MentorSuggestion[] {
  if (limit <= 0) return [];
  const scoring = compiledScoringFor(rules, context);
  const preparedMentee = scoring.prepare(mentee);
  const candidates: { mentor: SuggestableMentor; prepared: PreparedProfile; score: number }[] = [];
  for (const mentor of mentors) {
    if (!(mentor.remainingCapacity > 0)) continue;
    const prepared = scoring.prepare(mentor);
    const score = scorePrepared(scoring, preparedMentee, prepared);
    if (score !== null && score >= rules.minimumScore) candidates.push({ mentor, prepared, score });
  }
  candidates.sort((a, b) => b.score - a.score || compareText(a.mentor.participantId, b.mentor.participantId));
  const open = candidates.filter((c) => c.mentor.pendingSuggestions < c.mentor.remainingCapacity);
  const popular = candidates.filter((c) => c.mentor.pendingSuggestions >= c.mentor.remainingCapacity);
  const chosen = [...open.slice(0, limit), ...popular.slice(0, Math.max(0, limit - open.length))];
  return chosen.map(({ mentor, prepared, score }) => {
    const assessment = assessPrepared(scoring, preparedMentee, prepared);
    return {
      mentorId: mentor.participantId,
      score,
      breakdown: assessment.eligible ? assessment.breakdown : [],
    };
  });
}
