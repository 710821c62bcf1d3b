import type { TandemEvent } from '@tandem/events';
import { DomainError, type Decider } from '@tandem/kernel';
import type { SessionCommand } from './session-commands';
import { evolveSession } from './session-evolve';
import {
  requireMemberOrAdmin,
  requireMembers,
  requireStarted,
  requireStatus,
  requireWithinPlanningRange,
} from './session-rules';
import type { ExistingSession, SessionState } from './session-state';

export type SessionEvent = Extract<
  TandemEvent,
  { type: `sessions.session.${string}` | `sessions.action-item.${string}` }
>;
type Command<T extends SessionCommand['type']> = Extract<SessionCommand, { type: T }>;

export const sessionDecider: Decider<SessionCommand, SessionEvent, SessionState> = {
  initialState: (): SessionState => ({ status: 'none' }),
  evolve: evolveSession,

  decide(command: SessionCommand, state: SessionState): SessionEvent[] {
    if (command.type === 'schedule') return decideSchedule(command, state);
    if (state.status === 'none') throw new DomainError('session-not-found', 'Session not found', 'not-found');
    requireMemberOrAdmin(command);
    const ref = {
      sessionId: state.sessionId,
      relationshipId: state.relationshipId,
      programId: state.programId,
    };
    switch (command.type) {
      case 'reschedule':
        requireStatus(state, ['scheduled'], 'reschedule');
        requireWithinPlanningRange(command.startsAt, command.now);
        return [
          {
            type: 'sessions.session.rescheduled',
            data: {
              ...ref,
              rescheduledBy: command.by,
              startsAt: command.startsAt,
              durationMinutes: command.durationMinutes,
            },
          },
        ];
      case 'cancel':
        requireStatus(state, ['scheduled'], 'cancel');
        return [
          {
            type: 'sessions.session.cancelled',
            data: { ...ref, cancelledBy: command.by, reason: command.reason },
          },
        ];
      case 'mark-held':
        requireStatus(state, ['scheduled'], 'mark as held');
        requireStarted(state, command.now);
        requireMembers(command.attendeeIds, command.members, 'attendees');
        return [
          {
            type: 'sessions.session.held',
            data: {
              ...ref,
              kind: state.kind,
              heldAt: command.now,
              durationMinutes: command.actualDurationMinutes,
              attendeeIds: unique(command.attendeeIds),
            },
          },
        ];
      case 'mark-no-show':
        requireStatus(state, ['scheduled'], 'mark as a no-show');
        requireStarted(state, command.now);
        requireMembers(command.absentIds, command.members, 'absent participants');
        return [
          {
            type: 'sessions.session.no-show',
            data: { ...ref, absentParticipantIds: unique(command.absentIds), recordedBy: command.by },
          },
        ];
      case 'submit-feedback':
        return decideFeedback(command, state);
      case 'assign-action-item':
        return decideAssign(command, state);
      case 'complete-action-item':
        return decideComplete(command, state);
      default: {
        const exhaustive: never = command;
        return exhaustive;
      }
    }
  },
};

function decideSchedule(command: Command<'schedule'>, state: SessionState): SessionEvent[] {
  if (state.status !== 'none')
    throw new DomainError('session-exists', `Session ${command.sessionId} already exists`);
  if (command.relationship.status !== 'active') {
    throw new DomainError(
      'relationship-not-active',
      `Sessions can only be scheduled in an active relationship (this one is ${command.relationship.status})`,
    );
  }
  requireMemberOrAdmin(command);
  requireWithinPlanningRange(command.startsAt, command.now);
  const { sessionId, relationship, kind, format, startsAt, durationMinutes } = command;
  return [
    {
      type: 'sessions.session.scheduled',
      data: {
        sessionId,
        relationshipId: relationship.relationshipId,
        programId: relationship.programId,
        scheduledBy: command.by,
        kind,
        format,
        startsAt,
        durationMinutes,
      },
    },
  ];
}

function decideFeedback(command: Command<'submit-feedback'>, state: ExistingSession): SessionEvent[] {
  if (state.status !== 'held')
    throw new DomainError('session-not-held', 'Feedback is given after a held session');
  if (!command.members.includes(command.by)) {
    throw new DomainError(
      'not-a-participant',
      'Only the participants of a session give feedback on it',
      'forbidden',
    );
  }
  if (state.feedbackBy.includes(command.by))
    throw new DomainError('feedback-already-submitted', 'You have already given feedback on this session');
  if (command.mentorRating !== undefined && !command.menteeIds.includes(command.by)) {
    throw new DomainError('mentor-rating-by-mentee', 'Only a mentee rates their mentor', 'invalid');
  }
  const menteeRatings = command.menteeRatings ?? [];
  if (menteeRatings.length > 0) requireMenteeRatings(command, menteeRatings);
  const { sessionId, relationshipId, programId } = state;
  const { rating, helpful, mentorRating } = command;
  return [
    {
      type: 'sessions.session.feedback-submitted',
      data: {
        sessionId,
        relationshipId,
        programId,
        participantId: command.by,
        rating,
        helpful,
        ...(mentorRating === undefined ? {} : { mentorRating }),
        ...(menteeRatings.length === 0 ? {} : { menteeRatings: menteeRatings.map((r) => ({ ...r })) }),
      },
    },
  ];
}

/** Mentors rate mentees: only a mentor, each rated person a mentee of the relationship, once. */
function requireMenteeRatings(
  command: Command<'submit-feedback'>,
  menteeRatings: readonly { readonly menteeId: string }[],
): void {
  if (!command.mentorIds.includes(command.by)) {
    throw new DomainError('mentee-rating-by-mentor', 'Only a mentor rates their mentees', 'invalid');
  }
  const rated = menteeRatings.map((r) => r.menteeId);
  if (rated.some((id) => !command.menteeIds.includes(id)) || new Set(rated).size !== rated.length) {
    throw new DomainError(
      'not-mentees',
      'Each rated person must be a mentee of the relationship, rated once',
      'invalid',
    );
  }
}

function decideAssign(command: Command<'assign-action-item'>, state: ExistingSession): SessionEvent[] {
  requireStatus(state, ['scheduled', 'held'], 'add an action item to');
  requireMembers([command.assigneeId], command.members, 'assignee');
  if (state.actionItems.some((item) => item.actionItemId === command.actionItemId)) {
    throw new DomainError('action-item-exists', `Action item ${command.actionItemId} already exists`);
  }
  const { sessionId, relationshipId, programId } = state;
  const { actionItemId, assigneeId, dueOn } = command;
  return [
    {
      type: 'sessions.action-item.assigned',
      data: { actionItemId, sessionId, relationshipId, programId, assigneeId, ...(dueOn ? { dueOn } : {}) },
    },
  ];
}

function decideComplete(command: Command<'complete-action-item'>, state: ExistingSession): SessionEvent[] {
  const item = state.actionItems.find((candidate) => candidate.actionItemId === command.actionItemId);
  if (!item) throw new DomainError('action-item-not-found', 'Action item not found', 'not-found');
  if (item.completedAt)
    throw new DomainError('action-item-completed', 'This action item is already completed');
  const { sessionId, relationshipId, programId } = state;
  return [
    {
      type: 'sessions.action-item.completed',
      data: {
        actionItemId: item.actionItemId,
        sessionId,
        relationshipId,
        programId,
        completedBy: command.by,
        completedAt: command.now,
      },
    },
  ];
}

const unique = (ids: readonly string[]) => [...new Set(ids)];
