import type { TandemEvent } from '@tandem/events';
import type { ActionItemState, SessionState } from './session-state';

/** Folds one of the session's own events; events of other streams leave it unchanged. */
export function evolveSession(state: SessionState, event: TandemEvent): SessionState {
  if (event.type === 'sessions.session.scheduled') {
    const { sessionId, relationshipId, programId, kind, startsAt, durationMinutes } = event.data;
    return {
      status: 'scheduled',
      sessionId,
      relationshipId,
      programId,
      kind,
      startsAt,
      durationMinutes,
      sequence: 0,
      actionItems: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'sessions.session.rescheduled':
      return {
        ...state,
        startsAt: event.data.startsAt,
        durationMinutes: event.data.durationMinutes,
        sequence: state.sequence + 1,
      };
    case 'sessions.session.cancelled':
      return { ...state, status: 'cancelled', cancelReason: event.data.reason, sequence: state.sequence + 1 };
    case 'sessions.session.held':
      return {
        ...state,
        status: 'held',
        heldAt: event.data.heldAt,
        actualDurationMinutes: event.data.durationMinutes,
        attendeeIds: event.data.attendeeIds,
        feedbackBy: [],
      };
    case 'sessions.session.no-show':
      return { ...state, status: 'no-show', absentIds: event.data.absentParticipantIds };
    case 'sessions.session.feedback-submitted':
      return state.status === 'held'
        ? { ...state, feedbackBy: [...state.feedbackBy, event.data.participantId] }
        : state;
    case 'sessions.action-item.assigned': {
      const { actionItemId, assigneeId, dueOn } = event.data;
      const item: ActionItemState = { actionItemId, assigneeId, ...(dueOn ? { dueOn } : {}) };
      return { ...state, actionItems: [...state.actionItems, item] };
    }
    case 'sessions.action-item.completed':
      return {
        ...state,
        actionItems: state.actionItems.map((item) =>
          item.actionItemId === event.data.actionItemId
            ? { ...item, completedAt: event.data.completedAt }
            : item,
        ),
      };
    default:
      return state;
  }
}
