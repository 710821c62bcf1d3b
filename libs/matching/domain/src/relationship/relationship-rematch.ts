import type { TandemEvent } from '@tandem/events';
import { DomainError } from '@tandem/kernel';
import type { RelationshipCommand } from './relationship-commands';
import { requireStatus } from './relationship-guards';
import type { ExistingRelationship, RelationshipState } from './relationship-state';

type RelationshipEvent = Extract<TandemEvent, { type: `matching.relationship.${string}` }>;

/**
 * A re-match request is answered once, by an admin, with a proposal to mentors other than the
 * ones the mentee is leaving; until then the mentee waits in the program's re-match queue.
 */
export function decideProposeRematch(
  command: Extract<RelationshipCommand, { type: 'propose-rematch' }>,
  state: ExistingRelationship,
): RelationshipEvent[] {
  if (!command.asAdmin)
    throw new DomainError('admin-only', 'Only a program admin proposes a re-match', 'forbidden');
  requireRematchQueued(state);
  const previous = command.mentorIds.filter((id) => state.mentorIds.includes(id));
  if (previous.length > 0) {
    throw new DomainError('previous-mentor-excluded', 'A re-match pairs the mentee with a different mentor');
  }
  return [
    {
      type: 'matching.relationship.rematch-proposed',
      data: {
        relationshipId: state.relationshipId,
        programId: state.programId,
        by: command.by,
        newRelationshipId: command.newRelationshipId,
        mentorIds: [...command.mentorIds],
        score: command.score,
      },
    },
  ];
}

/** Refuses unless the relationship ended with a re-match asked for and not proposed yet. */
export function requireRematchQueued(state: RelationshipState): void {
  if (state.status === 'none')
    throw new DomainError('relationship-not-found', 'Relationship not found', 'not-found');
  requireStatus(state, ['ended'], 're-match');
  const rematch = state.status === 'ended' ? state.rematch : undefined;
  if (!rematch)
    throw new DomainError('no-rematch-requested', 'Nobody asked for a re-match when this relationship ended');
  if (rematch.status === 'proposed') {
    throw new DomainError(
      'rematch-already-proposed',
      `A re-match was already proposed as relationship ${rematch.newRelationshipId}`,
    );
  }
}

/** A mentor as a re-match candidate for one mentee: the pair's assessment and the mentor's room. */
export interface RematchCandidate {
  readonly participantId: string;
  readonly userId: string;
  readonly score: number;
  readonly eligible: boolean;
  readonly remainingCapacity: number;
}

/**
 * The best mentor for a re-match: eligible, with room, at or above the minimum score, never one of
 * the previous mentors; the highest score wins, ties by participant id. Undefined when none fits.
 * (For one mentee this is what the solver gives with the previous mentors forbidden.)
 */
export function pickRematchMentor(
  candidates: readonly RematchCandidate[],
  previousMentorIds: readonly string[],
  minimumScore: number,
): RematchCandidate | undefined {
  return candidates
    .filter(
      (c) =>
        c.eligible &&
        c.remainingCapacity > 0 &&
        c.score >= minimumScore &&
        !previousMentorIds.includes(c.userId),
    )
    .sort((a, b) => b.score - a.score || a.participantId.localeCompare(b.participantId))[0];
}
