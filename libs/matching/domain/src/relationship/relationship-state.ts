export type RelationshipStatus = 'proposed' | 'active' | 'paused' | 'ended' | 'declined' | 'expired';
export type ProposalSource = 'match-run' | 'self-select' | 'admin';

interface RelationshipFacts {
  readonly relationshipId: string;
  readonly programId: string;
  /** User ids (not enrolment ids), so every service can tell a participant's own relationships from a token. */
  readonly mentorIds: readonly string[];
  readonly menteeIds: readonly string[];
  readonly score: number;
  readonly source: ProposalSource;
  readonly expiresAt: string;
}

export type RelationshipState =
  | { readonly status: 'none' }
  | (RelationshipFacts & { readonly status: 'proposed'; readonly acceptedBy: readonly string[] })
  | (RelationshipFacts & { readonly status: 'active' | 'paused'; readonly startedAt: string; readonly agreedBy: readonly string[] })
  | (RelationshipFacts & { readonly status: 'ended'; readonly startedAt: string; readonly endReason: string; readonly reflectedBy: readonly string[] })
  | (RelationshipFacts & { readonly status: 'declined' | 'expired' });

export type ExistingRelationship = Exclude<RelationshipState, { status: 'none' }>;

export function partiesOf(relationship: { mentorIds: readonly string[]; menteeIds: readonly string[] }): string[] {
  return [...relationship.mentorIds, ...relationship.menteeIds];
}
