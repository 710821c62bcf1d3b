import type { SessionFact } from './fact-types';
import type { RecordedEvent } from './recorded-event';

export const initialSessionFact = (
  sessionId: string,
  programId: string,
  relationshipId = '',
): SessionFact => ({
  kind: 'session',
  sessionId,
  relationshipId,
  programId,
  status: 'scheduled',
  heldAt: null,
  durationMinutes: 0,
  ratings: [],
});

export function evolveSessionFact(fact: SessionFact, event: RecordedEvent): SessionFact {
  switch (event.type) {
    case 'sessions.session.scheduled':
    case 'sessions.session.rescheduled':
      return {
        ...fact,
        relationshipId: event.data.relationshipId,
        durationMinutes: event.data.durationMinutes,
      };
    case 'sessions.session.cancelled':
      return { ...fact, relationshipId: event.data.relationshipId, status: 'cancelled' };
    case 'sessions.session.no-show':
      return { ...fact, relationshipId: event.data.relationshipId, status: 'no-show' };
    case 'sessions.session.held':
      return {
        ...fact,
        relationshipId: event.data.relationshipId,
        status: 'held',
        heldAt: event.data.heldAt,
        durationMinutes: event.data.durationMinutes,
      };
    case 'sessions.session.feedback-submitted': {
      const { participantId, rating, helpful, mentorRating, menteeRatings } = event.data;
      const others = fact.ratings.filter((r) => r.participantId !== participantId);
      const given = {
        participantId,
        rating,
        at: event.at,
        helpful,
        ...(mentorRating === undefined ? {} : { mentorRating }),
        ...(menteeRatings === undefined ? {} : { menteeRatings: menteeRatings.map((r) => ({ ...r })) }),
      };
      return { ...fact, relationshipId: event.data.relationshipId, ratings: [...others, given] };
    }
    default:
      return fact;
  }
}
