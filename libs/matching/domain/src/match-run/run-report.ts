import type { MatchingProfile } from '../scoring/matching-profile';
import type { DisclosureBaseline } from './group-disclosure';
import { groupFigures } from './group-figures';
import type { MatchRunReport, ProposedPair, UnmatchedMentee } from './match-run-types';

/** Figures of a run; scores are summed in whole hundredths so totals have exactly 2 decimals. */
export function buildRunReport(
  mentees: readonly MatchingProfile[],
  pairs: readonly ProposedPair[],
  unmatchedMentees: readonly UnmatchedMentee[],
  baselines: readonly DisclosureBaseline[] = [],
): MatchRunReport {
  const scoresByMentee = new Map<string, number[]>();
  for (const pair of pairs) {
    const scores = scoresByMentee.get(pair.menteeId);
    if (scores) scores.push(pair.score);
    else scoresByMentee.set(pair.menteeId, [pair.score]);
  }
  const totalHundredths = pairs.reduce((total, pair) => total + Math.round(pair.score * 100), 0);
  const { groups, suppressedGroups } = groupFigures(
    mentees,
    (menteeId) => scoresByMentee.get(menteeId) ?? [],
    baselines,
  );
  return {
    matched: scoresByMentee.size,
    unmatched: mentees.length - scoresByMentee.size,
    totalScore: totalHundredths / 100,
    meanScore: pairs.length === 0 ? null : Math.round(totalHundredths / pairs.length) / 100,
    minScore:
      pairs.length === 0
        ? null
        : pairs.reduce((min, pair) => Math.min(min, pair.score), Number.POSITIVE_INFINITY),
    unmatchedMentees,
    groups,
    suppressedGroups,
  };
}
