import { DomainError } from '@tandem/kernel';
import { noConstraints, pairKey } from './draft-constraints';
import type { DraftConstraints, PairRef } from './match-run-types';

export interface DraftChange {
  readonly pin?: readonly PairRef[];
  readonly forbid?: readonly PairRef[];
  readonly remove?: readonly string[];
}

/**
 * The constraints of a draft re-solved from `base`: the base's own plus the change, so a chain of
 * reviews keeps every earlier decision. Only a draft is reviewed; a published run's proposals are out.
 * A later pin of a forbidden pair (or forbidding a pinned one) is the admin changing their mind: it wins.
 */
export function reviseDraft(
  base: { readonly status: 'draft' | 'published'; readonly constraints?: DraftConstraints },
  change: DraftChange,
): DraftConstraints {
  if (base.status === 'published')
    throw new DomainError('run-published', 'A published run cannot be revised: start a new run');
  const previous = base.constraints ?? noConstraints;
  const pin = change.pin ?? [];
  const forbid = change.forbid ?? [];
  if (pin.length + forbid.length + (change.remove?.length ?? 0) === 0)
    throw new DomainError(
      'nothing-to-revise',
      'Name at least one pair to pin or forbid or a mentee to remove',
      'invalid',
    );
  const pinnedNow = new Set(pin.map(pairKey));
  const forbiddenNow = new Set(forbid.map(pairKey));
  return {
    pinned: unique([...previous.pinned.filter((p) => !forbiddenNow.has(pairKey(p))), ...pin]),
    forbidden: unique([...previous.forbidden.filter((p) => !pinnedNow.has(pairKey(p))), ...forbid]),
    removed: [...new Set([...previous.removed, ...(change.remove ?? [])])],
  };
}

function unique(pairs: readonly PairRef[]): PairRef[] {
  return [
    ...new Map(pairs.map((p) => [pairKey(p), { menteeId: p.menteeId, mentorId: p.mentorId }])).values(),
  ];
}
