import type { EventData } from '@tandem/events';
import type { AgreementTerms, Availability, ProposalSource } from './relationship-state';

/** Who acts: a party of the relationship (by user id) or, with `asAdmin`, an admin of its program. */
interface Actor {
  readonly by: string;
  readonly asAdmin: boolean;
}

export type EndReason = EventData<'matching.relationship.ended'>['reason'];

export type RelationshipCommand =
  | {
      readonly type: 'propose';
      readonly relationshipId: string;
      readonly programId: string;
      readonly mentorIds: readonly string[];
      readonly menteeIds: readonly string[];
      readonly score: number;
      readonly source: ProposalSource;
      readonly runId?: string;
      readonly expiresAt: string;
      /** A mentee's own request counts as their acceptance. */
      readonly acceptedBy?: string;
    }
  | (Actor & {
      readonly type: 'accept';
      readonly acceptance: 'both-parties' | 'admin-approval';
      readonly now: string;
      /** The mentors' capacity is claimed for this relationship: without it, an acceptance that would start it is refused. */
      readonly capacityHeld: boolean;
      /** The program is closed: its proposals can no longer start anything. */
      readonly programClosed: boolean;
    })
  | (Actor & { readonly type: 'decline'; readonly reason: string })
  | {
      readonly type: 'expire';
      readonly now: string;
      /** Its program closed: the proposal lapses now, whatever its expiry. */
      readonly programClosed?: boolean;
    }
  | (Actor & {
      /** A party proposes the agreement's next version: these terms and, if given, their own availability. */
      readonly type: 'propose-agreement';
      readonly terms: AgreementTerms;
      readonly availability?: Omit<Availability, 'participantId'>;
    })
  | (Actor & { readonly type: 'confirm-agreement'; readonly agreementVersion: number })
  | (Actor & {
      /** An admin answers a re-match request with a new proposal, to other mentors. */
      readonly type: 'propose-rematch';
      readonly newRelationshipId: string;
      readonly mentorIds: readonly string[];
      /** The new pair's score, for its proposal. */
      readonly score: number;
    })
  | (Actor & { readonly type: 'pause'; readonly reason: string })
  | (Actor & { readonly type: 'resume' })
  /** The directory deactivated a party: a running relationship is flagged (once per party), never ended. */
  | { readonly type: 'flag-deactivated-party'; readonly userId: string }
  | (Actor & {
      readonly type: 'end';
      readonly reason: EndReason;
      readonly requestRematch: boolean;
      readonly now: string;
    })
  | (Actor & {
      readonly type: 'submit-reflection';
      readonly rating: number;
      readonly goalsAchieved?: 'yes' | 'partly' | 'no';
      readonly skillsGained: readonly string[];
      readonly wouldRecommend?: boolean;
    });
