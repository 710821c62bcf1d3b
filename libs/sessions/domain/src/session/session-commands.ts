import type { SessionKind } from './session-state';

/**
 * Who acts and what they may do, looked up by the handler: `members` are the relationship's
 * mentors and mentees (user ids), `asAdmin` says the caller manages its program.
 */
export interface SessionActor {
  readonly by: string;
  readonly asAdmin: boolean;
  readonly members: readonly string[];
  readonly now: string;
}

/** The relationship a session is scheduled in, as this service last learned it from matching. */
export interface RelationshipSnapshot {
  readonly relationshipId: string;
  readonly programId: string;
  readonly status: 'unknown' | 'proposed' | 'active' | 'paused' | 'ended' | 'declined' | 'expired';
}

/** How a session is held (a code, so it may travel in events; the location or link does not). */
export type SessionFormat = 'video' | 'in-person' | 'call' | 'chat';

export type SessionCommand =
  | (SessionActor & {
      readonly type: 'schedule';
      readonly sessionId: string;
      readonly relationship: RelationshipSnapshot;
      readonly kind: SessionKind;
      readonly format: SessionFormat;
      readonly startsAt: string;
      readonly durationMinutes: number;
    })
  | (SessionActor & {
      readonly type: 'reschedule';
      readonly startsAt: string;
      readonly durationMinutes: number;
    })
  | (SessionActor & { readonly type: 'cancel'; readonly reason: string })
  | (SessionActor & {
      readonly type: 'mark-held';
      readonly attendeeIds: readonly string[];
      readonly actualDurationMinutes: number;
    })
  | (SessionActor & { readonly type: 'mark-no-show'; readonly absentIds: readonly string[] })
  | (SessionActor & {
      readonly type: 'submit-feedback';
      readonly rating: number;
      readonly helpful: boolean;
      /** A mentee's rating of their mentor; `menteeIds` tells who may give one. */
      readonly mentorRating?: number;
      /** A mentor's ratings of the relationship's mentees; `mentorIds` tells who may give them. */
      readonly menteeRatings?: readonly { readonly menteeId: string; readonly rating: number }[];
      readonly menteeIds: readonly string[];
      readonly mentorIds: readonly string[];
    })
  | (SessionActor & {
      readonly type: 'assign-action-item';
      readonly actionItemId: string;
      readonly assigneeId: string;
      readonly dueOn?: string;
    })
  | (SessionActor & { readonly type: 'complete-action-item'; readonly actionItemId: string });
