import type {
  ActionItemState,
  ProgramFact,
  RelationshipFact,
  SessionKind,
  SessionStatus,
} from '@tandem/sessions-domain';

// Read-model documents. `_id` = `${tenantId}/${id}`; free text and personal data (locations, agendas,
// notes, comments, action item texts) live only here, never in events.

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
  startsAt: string;
  durationMinutes: number;
  sequence: number;
  actionItems: ActionItemState[];
  /** The relationship's mentors and mentees when the session was last projected (user ids). */
  memberIds: string[];
  cancelReason?: string;
  heldAt?: string;
  actualDurationMinutes?: number;
  attendeeIds?: string[];
  absentIds?: string[];
  feedbackBy?: string[];
}

/**
 * What people write about a session, beside its snapshot rather than in it: snapshots are replaced
 * whole when a newer stream version arrives, so text kept in them could be lost to a race.
 */
export interface SessionDetailsView {
  _id: string;
  tenantId: string;
  sessionId: string;
  format?: SessionFormat;
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

export interface ActionItemTextView {
  _id: string;
  tenantId: string;
  actionItemId: string;
  sessionId: string;
  relationshipId: string;
  assigneeId: string;
  text: string;
  dueOn?: string;
  completedAt?: string;
}

/** A feedback's free-text comment; the ratings are in `sessions.session.feedback-submitted`. */
export interface FeedbackView {
  _id: string;
  tenantId: string;
  sessionId: string;
  participantId: string;
  comment: string;
}

/**
 * A person's secret calendar address. `_id` is the SHA-256 of the secret (the secret itself is
 * shown once), so a feed request finds its tenant and user without a token.
 */
export interface CalendarFeedView {
  _id: string;
  tenantId: string;
  userId: string;
  roles: string[];
  createdAt: string;
}

/** One overdue notice per relationship and cadence window: the unique `_id` elects one replica. */
export interface OverdueNoticeView {
  _id: string;
  tenantId: string;
  relationshipId: string;
  windowKey: string;
  decidedAt: string;
}
