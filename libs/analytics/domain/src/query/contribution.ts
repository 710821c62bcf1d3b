import type { FactSet } from '../facts/fact-set';
import type { RelationshipFact } from '../facts/fact-types';
import { initialRelationshipFact } from '../facts/relationship-fact';

/** One thing a measure aggregates: dated, tied to a relationship (for dimensions) and a program. */
export interface Contribution {
  readonly programId: string;
  /** '' when it is about people outside any relationship (an enrolment). */
  readonly relationshipId: string;
  readonly at: string;
  readonly value: number;
  /**
   * Whom it is about, when not every member of its relationship: dimensions and k-anonymity then
   * describe these people (a mentor's retention is that mentor's, not their mentees').
   */
  readonly people?: { readonly mentorIds: readonly string[]; readonly menteeIds: readonly string[] };
}

/**
 * The relationship whose dimension values and participants a contribution counts under, with its
 * members narrowed to the contribution's people, and a key that identifies that view.
 */
export function subjectOf(
  contribution: Contribution,
  facts: FactSet,
): { readonly key: string; readonly relationship: RelationshipFact | undefined } {
  const relationship = facts.relationships.get(contribution.relationshipId);
  const { people } = contribution;
  if (!people) return { key: contribution.relationshipId, relationship };
  return {
    key: `${contribution.relationshipId}\u0002${people.mentorIds.join(',')}\u0002${people.menteeIds.join(',')}`,
    relationship: {
      ...(relationship ?? initialRelationshipFact(contribution.relationshipId, contribution.programId)),
      mentorIds: people.mentorIds,
      menteeIds: people.menteeIds,
    },
  };
}
