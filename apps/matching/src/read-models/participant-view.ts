import type { EventEnvelope } from '@tandem/events';
import type { ParticipantProfile, ParticipantView } from '../infrastructure/views';
import { missingDocument, stamped, type ViewState } from './read-model-state';

export type ParticipantState = ViewState<ParticipantView>;

/**
 * The participants read model: enrolment, roles, capacity, facets and status from the events,
 * over the profile the enrol and update handlers write beside them (personal data stays out of events).
 */
export function evolveParticipantView(
  view: ParticipantState | undefined,
  event: EventEnvelope,
): ParticipantState {
  switch (event.type) {
    case 'matching.participant.enrolled': {
      const { participantId, programId, userId, roles, capacity, facets } = event.data;
      // A re-enrolment replaces roles and capacity (a mentee has none); the profile stays.
      const { capacity: _previous, ...before } = view ?? {
        tenantId: event.metadata.tenantId,
        profile: emptyProfile,
        enrolledAt: event.metadata.time,
        version: 0,
      };
      return stamped(
        {
          ...before,
          participantId,
          programId,
          userId,
          roles: [...roles],
          facets,
          status: 'enrolled',
          ...(capacity === undefined ? {} : { capacity }),
        },
        event,
      );
    }
    case 'matching.participant.profile-updated':
      return stamped({ ...(view ?? missingDocument(event)), facets: event.data.facets }, event);
    case 'matching.participant.withdrew':
      return stamped({ ...(view ?? missingDocument(event)), status: 'withdrawn' }, event);
    default:
      return view ? stamped(view, event) : missingDocument(event);
  }
}

const emptyProfile: ParticipantProfile = {
  languages: [],
  skillsOffered: [],
  skillsSought: [],
  focusAreas: [],
  answers: {},
};
