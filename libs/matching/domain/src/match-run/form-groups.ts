import type { ProgramType } from '../scoring/matching-profile';
import { compareText } from './compare-text';
import type { ProposedPair } from './match-run-types';

/** One relationship a run proposes: a pair, or in a group program a mentor with all their mentees. */
export interface ProposedRelationship {
  readonly mentorId: string;
  readonly menteeIds: readonly string[];
  /** The pair's score, or the mean of the group's pairs. */
  readonly score: number;
}

/**
 * The relationships a run's pairs become. In a group program every mentor's pairs form one group
 * (mentees in id order); elsewhere each pair is its own relationship. Ids are participant ids.
 */
export function formRelationships(
  pairs: readonly Pick<ProposedPair, 'menteeId' | 'mentorId' | 'score'>[],
  programType: ProgramType,
): ProposedRelationship[] {
  if (programType !== 'group') {
    return pairs.map((p) => ({ mentorId: p.mentorId, menteeIds: [p.menteeId], score: p.score }));
  }
  const byMentor = new Map<string, Pick<ProposedPair, 'menteeId' | 'score'>[]>();
  for (const pair of pairs) byMentor.set(pair.mentorId, [...(byMentor.get(pair.mentorId) ?? []), pair]);
  return [...byMentor]
    .sort(([a], [b]) => compareText(a, b))
    .map(([mentorId, group]) => ({
      mentorId,
      menteeIds: group.map((p) => p.menteeId).sort(compareText),
      score: Math.round((group.reduce((sum, p) => sum + p.score, 0) / group.length) * 100) / 100,
    }));
}
