import type { ParticipantFact } from './fact-types';
import type { RecordedEvent } from './recorded-event';

export const initialParticipantFact = (participantId: string, programId: string): ParticipantFact => ({
  kind: 'participant',
  participantId,
  programId,
  userId: null,
  roles: [],
  facets: {},
  enrolledAt: null,
  withdrawnAt: null,
});

export function evolveParticipantFact(fact: ParticipantFact, event: RecordedEvent): ParticipantFact {
  switch (event.type) {
    case 'matching.participant.enrolled':
      return {
        ...fact,
        userId: event.data.userId,
        roles: event.data.roles,
        facets: event.data.facets,
        enrolledAt: event.at,
      };
    case 'matching.participant.profile-updated':
      return { ...fact, facets: event.data.facets };
    case 'matching.participant.withdrew':
      return { ...fact, withdrawnAt: event.at };
    default:
      return fact;
  }
}
