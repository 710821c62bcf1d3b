export type SessionKind = 'meeting' | 'check-in';

export interface ActionItemState {
  readonly actionItemId: string;
  readonly assigneeId: string;
  readonly dueOn?: string;
  readonly completedAt?: string;
}

/** What every existing session knows, whatever happened to it since. */
interface SessionFacts {
  readonly sessionId: string;
  readonly relationshipId: string;
  readonly programId: string;
  readonly kind: SessionKind;
  readonly startsAt: string;
  readonly durationMinutes: number;
  /** Bumped by every change a calendar must show (reschedule, cancel): the iCalendar SEQUENCE. */
  readonly sequence: number;
  readonly actionItems: readonly ActionItemState[];
}

export type SessionState =
  | { readonly status: 'none' }
  | (SessionFacts & { readonly status: 'scheduled' })
  | (SessionFacts & { readonly status: 'cancelled'; readonly cancelReason: string })
  | (SessionFacts & {
      readonly status: 'held';
      readonly heldAt: string;
      readonly actualDurationMinutes: number;
      readonly attendeeIds: readonly string[];
      readonly feedbackBy: readonly string[];
    })
  | (SessionFacts & { readonly status: 'no-show'; readonly absentIds: readonly string[] });

export type ExistingSession = Exclude<SessionState, { status: 'none' }>;
export type SessionStatus = ExistingSession['status'];
