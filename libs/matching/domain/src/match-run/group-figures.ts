import type { MatchingProfile } from '../scoring/matching-profile';
import { normaliseTag } from '../scoring/tags';
import { compareText } from './compare-text';
import {
  changesSince,
  isolatesFewerThanK,
  type DisclosureBaseline,
  type MenteeStatus,
} from './group-disclosure';
import type { GroupFigures } from './match-run-types';

/** Groups smaller than this are never shown: a handful of people could be recognised (k). */
export const MIN_GROUP_SIZE = 5;

interface GroupTally {
  readonly dimension: string;
  readonly group: string;
  mentees: number;
  matched: number;
  scoreHundredths: number;
  pairs: number;
  readonly memberIds: Set<string>;
}

/**
 * Match rate and mean score per department, location and consented demographic attribute.
 * A mentee without a value for a dimension is in no group of it (absence of a demographic means
 * no consent, so it must not form a group of its own). A group is shown only if it has at least
 * MIN_GROUP_SIZE mentees and neither this run's own totals nor any baseline (earlier runs, the
 * enrolment) can be subtracted from its figures down to fewer than that many people (see
 * group-disclosure.ts and docs/adr).
 */
export function groupFigures(
  mentees: readonly MatchingProfile[],
  pairScoresOf: (menteeId: string) => readonly number[],
  baselines: readonly DisclosureBaseline[] = [],
): { groups: GroupFigures[]; suppressedGroups: number } {
  const tallies = new Map<string, GroupTally>();
  const statuses = new Map<string, MenteeStatus>();
  for (const mentee of mentees) {
    const scores = pairScoresOf(mentee.participantId);
    statuses.set(mentee.participantId, scores.length > 0 ? 'matched' : 'unmatched');
    for (const [dimension, value] of dimensionsOf(mentee)) {
      const key = `${dimension}\u0000${normaliseTag(value)}`;
      let tally = tallies.get(key);
      if (!tally)
        tallies.set(
          key,
          (tally = {
            dimension,
            group: value.trim(),
            mentees: 0,
            matched: 0,
            scoreHundredths: 0,
            pairs: 0,
            memberIds: new Set(),
          }),
        );
      tally.mentees++;
      tally.memberIds.add(mentee.participantId);
      if (scores.length > 0) tally.matched++;
      for (const score of scores) tally.scoreHundredths += Math.round(score * 100);
      tally.pairs += scores.length;
    }
  }
  const all = [...tallies.values()];
  const changes = [new Map(), ...baselines].map((baseline) => changesSince(baseline, statuses));
  const shown = all
    .filter((t) => t.mentees >= MIN_GROUP_SIZE && !isolatesFewerThanK(t.memberIds, changes, MIN_GROUP_SIZE))
    .sort(byDimensionThenGroup);
  return {
    groups: shown.map((t) => ({
      dimension: t.dimension,
      group: t.group,
      mentees: t.mentees,
      matched: t.matched,
      matchRate: Math.round((t.matched / t.mentees) * 10_000) / 10_000,
      meanScore: t.pairs === 0 ? null : Math.round(t.scoreHundredths / t.pairs) / 100,
    })),
    suppressedGroups: all.length - shown.length,
  };
}

function dimensionsOf(mentee: MatchingProfile): [string, string][] {
  const dimensions: [string, string | undefined][] = [
    ['department', mentee.department],
    ['location', mentee.location],
    ...Object.entries(mentee.demographics ?? {}).map(([key, value]): [string, string] => [
      `demographic:${key}`,
      value,
    ]),
  ];
  return dimensions.filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '',
  );
}

const dimensionRank = (dimension: string) =>
  dimension === 'department' ? 0 : dimension === 'location' ? 1 : 2;

function byDimensionThenGroup(a: GroupTally, b: GroupTally): number {
  return (
    dimensionRank(a.dimension) - dimensionRank(b.dimension) ||
    compareText(a.dimension, b.dimension) ||
    compareText(normaliseTag(a.group), normaliseTag(b.group))
  );
}
