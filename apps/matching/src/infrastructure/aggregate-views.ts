import type {
  MatchRunState,
  ParticipantState,
  ProgramState,
  RelationshipState,
} from '@tandem/matching-domain';
import type { Document } from 'mongodb';

// How each aggregate's folded state appears in its read model (the fields the stream owns).

export function programFields(state: ProgramState): Document | undefined {
  if (state.status === 'none') return undefined;
  return {
    programId: state.programId,
    programType: state.programType,
    status: state.status,
    settings: state.settings,
  };
}

export function participantFields(state: ParticipantState): Document | undefined {
  if (state.status === 'none') return undefined;
  const { participantId, programId, userId, roles, capacity, facets, status } = state;
  return {
    participantId,
    programId,
    userId,
    roles,
    status,
    facets,
    ...(capacity === undefined ? {} : { capacity }),
  };
}

export function relationshipFields(state: RelationshipState): Document | undefined {
  if (state.status === 'none') return undefined;
  return { ...state, mentorIds: [...state.mentorIds], menteeIds: [...state.menteeIds] };
}

export function matchRunFields(state: MatchRunState): Document | undefined {
  if (state.status === 'none') return undefined;
  return { status: state.status };
}
