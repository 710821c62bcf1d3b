import type { CompiledScoring } from '../scoring/compiled-scoring';
import { hardRuleOrder, violatedRules } from '../scoring/hard-rules';
import type { PreparedProfile } from '../scoring/prepared-profile';
import { scorePrepared } from '../scoring/score-pair';
import type { UnmatchedMentee } from './match-run-types';

/**
 * Why a mentee got no mentor: every pair is excluded by a hard rule; or eligible pairs exist but
 * none reaches the minimum score; or some do, and their mentors' places went elsewhere.
 */
export function explainUnmatched(
  scoring: CompiledScoring,
  mentee: PreparedProfile,
  mentors: readonly { readonly prepared: PreparedProfile; readonly capacity: number }[],
  /** The pair's score with the mentor at this index, null when a hard rule excludes it (a run's kept scores). */
  scoreWith: (mentorIndex: number) => number | null = (k) =>
    scorePrepared(scoring, mentee, (mentors[k] as (typeof mentors)[number]).prepared),
): UnmatchedMentee {
  const menteeId = mentee.profile.participantId;
  const minimum = scoring.rules.minimumScore;
  const ruleCounts = hardRuleOrder.map(() => 0);
  let eligible = 0;
  let reaching = 0;
  let reachingWithCapacity = 0;
  let best = Number.NEGATIVE_INFINITY;
  for (const [k, mentor] of mentors.entries()) {
    const score = scoreWith(k);
    if (score === null) {
      const mask = violatedRules(scoring.rules.hardRules, scoring.rules.programType, mentee, mentor.prepared);
      ruleCounts.forEach((count, index) => (ruleCounts[index] = count + ((mask >> index) & 1)));
      continue;
    }
    eligible++;
    best = Math.max(best, score);
    if (score >= minimum) {
      reaching++;
      if (mentor.capacity > 0) reachingWithCapacity++;
    }
  }
  if (mentors.length === 0)
    return { menteeId, reason: 'no-eligible-mentor', explanation: 'there are no mentors in this run' };
  if (eligible === 0) {
    const byRule = hardRuleOrder
      .flatMap((rule, index) => (ruleCounts[index] ? [`${rule}: ${ruleCounts[index]}`] : []))
      .join(', ');
    const who = mentors.length === 1 ? 'the only mentor is' : `all ${mentors.length} mentors are`;
    return {
      menteeId,
      reason: 'no-eligible-mentor',
      explanation: `${who} excluded by hard rules (${byRule})`,
    };
  }
  if (reaching === 0) {
    return {
      menteeId,
      reason: 'below-minimum-score',
      explanation: `${mentorCount(eligible)} eligible, but the best score ${best} is below the minimum score ${minimum}`,
    };
  }
  const where =
    reachingWithCapacity === 0
      ? 'none of them has capacity left'
      : 'their places went to other mentees, which gives the highest total score';
  return {
    menteeId,
    reason: 'capacity-exhausted',
    explanation: `${mentorCount(reaching)} at or above the minimum score ${minimum} (best ${best}), but ${where}`,
  };
}

function mentorCount(count: number): string {
  return `${count} mentor${count === 1 ? '' : 's'}`;
}
