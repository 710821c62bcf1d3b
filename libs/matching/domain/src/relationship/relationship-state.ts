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

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
/** A weekly window, `HH:MM` to `HH:MM`, in its participant's time zone. */
export interface AvailabilityWindow {
  readonly day: Weekday;
  readonly from: string;
  readonly to: string;
}
export interface Availability {
  readonly participantId: string;
  readonly timeZone: string;
  readonly windows: readonly AvailabilityWindow[];
}
export interface AgreementTerms {
  readonly sessionsPerMonth: number;
  readonly channel: 'in-person' | 'video' | 'phone' | 'chat';
  readonly confidentiality: 'pair-only' | 'pair-and-program-admins';
  readonly agreedUntil?: string;
}
/** The agreement's current version: agreed once every party has confirmed this very version. */
export interface AgreementState {
  readonly version: number;
  readonly terms: AgreementTerms;
  readonly availability: readonly Availability[];
  readonly confirmedBy: readonly string[];
}

/** A re-match asked for when the relationship ended, until an admin proposes one. */
export type RematchState =
  { readonly status: 'requested' } | { readonly status: 'proposed'; readonly newRelationshipId: string };

export type RelationshipState =
  | { readonly status: 'none' }
  | (RelationshipFacts & { readonly status: 'proposed'; readonly acceptedBy: readonly string[] })
  | (RelationshipFacts & {
      readonly status: 'active' | 'paused';
      readonly startedAt: string;
      readonly agreement?: AgreementState;
      /** Parties deactivated in the directory while it runs (flagged to the program's admins). */
      readonly deactivatedParties?: readonly string[];
    })
  | (RelationshipFacts & {
      readonly status: 'ended';
      readonly startedAt: string;
      readonly endReason: string;
      readonly reflectedBy: readonly string[];
      readonly rematch?: RematchState;
    })
  | (RelationshipFacts & { readonly status: 'declined' | 'expired' });

export type ExistingRelationship = Exclude<RelationshipState, { status: 'none' }>;

export function partiesOf(relationship: {
  mentorIds: readonly string[];
  menteeIds: readonly string[];
}): string[] {
  return [...relationship.mentorIds, ...relationship.menteeIds];
}

/** Every party has confirmed the agreement's current version. */
export function isAgreed(
  relationship: { mentorIds: readonly string[]; menteeIds: readonly string[] },
  agreement: Pick<AgreementState, 'confirmedBy'> | undefined,
): boolean {
  return agreement !== undefined && partiesOf(relationship).every((p) => agreement.confirmedBy.includes(p));
}
