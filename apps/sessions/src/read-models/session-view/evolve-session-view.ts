import type { EventEnvelope, TandemEvent } from '@tandem/events';
import type { Evolve } from '@tandem/messaging';
import { evolveSession, type SessionState } from '@tandem/sessions-domain';
import type { SessionFeedbackRatings, SessionView } from '../../infrastructure/views';

/**
 * Pure: the session read model after one event of its stream, given the relationship's members as
 * this service knows them when applying it. The session is the decider's fold; the view adds the
 * stream version (the ETag), the format the schedule named and who is invited.
 */
export const evolveSessionView =
  (memberIds: readonly string[]): Evolve<SessionView> =>
  (view, event: EventEnvelope) => {
    const before: SessionState = (view as unknown as SessionState | undefined) ?? { status: 'none' };
    const session = evolveSession(before, event as unknown as TandemEvent);
    if (session.status === 'none')
      throw new Error(`session view: ${event.type} before the session was scheduled`);
    const format = event.type === 'sessions.session.scheduled' ? event.data.format : view?.format;
    const feedback = event.type === 'sessions.session.feedback-submitted' ? feedbackOf(event) : undefined;
    return {
      ...(session as unknown as SessionView),
      actionItems: [...session.actionItems],
      tenantId: event.metadata.tenantId,
      version: event.metadata.streamVersion,
      memberIds: memberIds.length > 0 ? [...memberIds] : (view?.memberIds ?? []),
      ...(format ? { format } : {}),
      ...(feedback || view?.feedback
        ? { feedback: [...(view?.feedback ?? []), ...(feedback ? [feedback] : [])] }
        : {}),
    };
  };

function feedbackOf(event: EventEnvelope): SessionFeedbackRatings {
  const { participantId, rating, helpful, mentorRating, menteeRatings } = (
    event as unknown as Extract<TandemEvent, { type: 'sessions.session.feedback-submitted' }>
  ).data;
  return {
    participantId,
    rating,
    helpful,
    ...(mentorRating === undefined ? {} : { mentorRating }),
    ...(menteeRatings === undefined ? {} : { menteeRatings: menteeRatings.map((r) => ({ ...r })) }),
  };
}
