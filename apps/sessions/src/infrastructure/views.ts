import type {
  ActionItemState,
  CommentVisibility,
  ProgramFact,
  RelationshipFact,
  SessionKind,
  SessionStatus,
} from '@tandem/sessions-domain';

// Documents of the service's collections, `_id` = `${tenantId}/${id}`. The session read model
// (`sessions_v2`) is projected from events only; free text and personal data (locations, agendas,
// notes, comments, action item texts) live in their own documents, never in events, written before
// the event that points to them and joined by id when read.

export type SessionFormat = 'video' | 'in-person' | 'call' | 'chat';

export interface AgendaItem {
  readonly agendaItemId: string;
  readonly text: string;
  readonly goalId?: string;
  readonly addedBy: string;
}

export interface SessionView {
  _id: string;
  tenantId: string;
  sessionId: string;
  relationshipId: string;
  programId: string;
  /** Stream version of the session: the ETag. */
  version: number;
  status: SessionStatus;
  kind: SessionKind;
  /** From `sessions.session.scheduled` (absent on sessions scheduled before it was recorded). */
  format?: SessionFormat;
  startsAt: string;
  durationMinutes: number;
  sequence: number;
  actionItems: ActionItemState[];
  /** The relationship's mentors and mentees when the session's last event was applied (user ids). */
  memberIds: string[];
  cancelReason?: string;
  heldAt?: string;
  actualDurationMinutes?: number;
  attendeeIds?: string[];
  absentIds?: string[];
  feedbackBy?: string[];
  /** The ratings of each feedback, from its event; who reads which is decided when read. */
  feedback?: SessionFeedbackRatings[];
}

export interface SessionFeedbackRatings {
  participantId: string;
  rating: number;
  helpful: boolean;
  mentorRating?: number;
  menteeRatings?: { menteeId: string; rating: number }[];
}

/**
 * What people write about a session, in its own document so the projection never touches it:
 * written before `sessions.session.scheduled` (a crash in between leaves details no session shows).
 */
export interface SessionDetailsView {
  _id: string;
  tenantId: string;
  sessionId: string;
  location?: string;
  agenda?: AgendaItem[];
}

/** A relationship as learned from matching's events: facts by stream version, folded on read. */
export interface RelationshipFactsView {
  _id: string;
  tenantId: string;
  relationshipId: string;
  programId?: string;
  facts: Record<string, RelationshipFact>;
}

export interface ProgramFactsView {
  _id: string;
  tenantId: string;
  programId: string;
  facts: Record<string, ProgramFact>;
}

/** A goal of a relationship, known from goals events, so agenda items can point at it. */
export interface GoalView {
  _id: string;
  tenantId: string;
  goalId: string;
  relationshipId: string;
}

export interface NoteView {
  _id: string;
  tenantId: string;
  noteId: string;
  sessionId: string;
  relationshipId: string;
  authorId: string;
  visibility: 'shared' | 'private';
  text: string;
  createdAt: string;
}

/** An action item's text, written before `sessions.action-item.assigned`; the rest is in the session read model. */
export interface ActionItemTextView {
  _id: string;
  tenantId: string;
  actionItemId: string;
  sessionId: string;
  text: string;
}

/** A feedback's free-text comment; the ratings are in `sessions.session.feedback-submitted`. */
export interface FeedbackView {
  _id: string;
  tenantId: string;
  sessionId: string;
  participantId: string;
  comment: string;
  /** Who reads it besides its author; absent on comments written before it was asked: private. */
  visibility?: CommentVisibility;
  /** The request that wrote it, so a refused request takes back only its own comment. */
  attemptId: string;
}

/**
 * A person's secret calendar address. `_id` is the SHA-256 of the secret (the secret itself is
 * shown once), so a feed request finds its tenant and user without a token.
 */
export interface CalendarFeedView {
  /** `tenant/user`: one feed per person. */
  _id: string;
  tenantId: string;
  userId: string;
  /** SHA-256 of the person's one valid secret; the secret itself is never stored. */
  secretHash: string;
  roles: string[];
  createdAt: string;
  /** The person was deactivated in the directory: no secret works and none is issued until reactivated. */
  deactivated?: boolean;
}

/** One overdue notice per relationship and cadence window: the unique `_id` elects one replica. */
export interface OverdueNoticeView {
  _id: string;
  tenantId: string;
  relationshipId: string;
  windowKey: string;
  decidedAt: string;
}
