import { DomainError } from '@tandem/kernel';
import { assessPrepared } from '../scoring/assess-pair';
import type { CompiledScoring } from '../scoring/compiled-scoring';
import type { PreparedProfile } from '../scoring/prepared-profile';
import type { DraftConstraints, PairRef, ProposedPair } from './match-run-types';

export const noConstraints: DraftConstraints = { pinned: [], forbidden: [], removed: [] };

const keyOf = (pair: PairRef) => `${pair.menteeId}|${pair.mentorId}`;

/** Constraints that contradict each other or name someone not in the run are refused before solving. */
export function checkConstraints(
  constraints: DraftConstraints,
  menteeIds: ReadonlySet<string>,
  mentorIds: ReadonlySet<string>,
): void {
  const forbidden = new Set(constraints.forbidden.map(keyOf));
  const removed = new Set(constraints.removed);
  for (const pair of [...constraints.pinned, ...constraints.forbidden]) {
    if (!menteeIds.has(pair.menteeId) || !mentorIds.has(pair.mentorId))
      throw new DomainError(
        'pair-not-in-run',
        `Mentee ${pair.menteeId} or mentor ${pair.mentorId} is not among this run's participants`,
        'invalid',
      );
  }
  for (const pair of constraints.pinned) {
    if (forbidden.has(keyOf(pair)))
      throw new DomainError(
        'pin-forbidden',
        `The pair ${keyOf(pair)} is both pinned and forbidden`,
        'invalid',
      );
    if (removed.has(pair.menteeId))
      throw new DomainError('pin-removed', `Mentee ${pair.menteeId} is both pinned and removed`, 'invalid');
  }
  for (const menteeId of removed) {
    if (!menteeIds.has(menteeId))
      throw new DomainError(
        'mentee-not-in-run',
        `Mentee ${menteeId} is not among this run's mentees`,
        'invalid',
      );
  }
}

/**
 * The pinned pairs, each explained as a run's pair. A pin must pass the hard rules (they are never
 * overridden) and fit the mentee's demand and the mentor's capacity; the minimum score does not apply
 * (pinning is the admin's judgement).
 */
export function pinnedPairs(
  scoring: CompiledScoring,
  pins: readonly { mentee: PreparedProfile; mentor: PreparedProfile }[],
  demandOf: (menteeId: string) => number,
  capacityOf: (mentorId: string) => number,
): ProposedPair[] {
  const used = new Map<string, number>();
  const count = (id: string) => {
    used.set(id, (used.get(id) ?? 0) + 1);
    return used.get(id) ?? 0;
  };
  const seen = new Set<string>();
  return pins.flatMap(({ mentee, mentor }) => {
    const menteeId = mentee.profile.participantId;
    const mentorId = mentor.profile.participantId;
    if (seen.has(`${menteeId}|${mentorId}`)) return [];
    seen.add(`${menteeId}|${mentorId}`);
    const assessment = assessPrepared(scoring, mentee, mentor);
    if (!assessment.eligible)
      throw new DomainError(
        'pin-excluded',
        `The pair ${menteeId}|${mentorId} cannot be pinned: ${assessment.excludedBy.map((v) => v.explanation).join('; ')}`,
      );
    if (count(`e:${menteeId}`) > demandOf(menteeId))
      throw new DomainError('pin-over-demand', `Mentee ${menteeId} is pinned to more mentors than allowed`);
    if (count(`m:${mentorId}`) > capacityOf(mentorId))
      throw new DomainError(
        'pin-over-capacity',
        `Mentor ${mentorId} is pinned to more mentees than their capacity`,
      );
    return [{ menteeId, mentorId, score: assessment.score, breakdown: assessment.breakdown }];
  });
}

export const pairKey = keyOf;
