import type { TandemEvent } from '@tandem/events';
import type { RelationshipState } from './relationship-state';

export function evolveRelationship(state: RelationshipState, event: TandemEvent): RelationshipState {
  switch (event.type) {
    case 'matching.relationship.proposed': {
      const { relationshipId, programId, mentorIds, menteeIds, score, source, expiresAt } = event.data;
      return { status: 'proposed', relationshipId, programId, mentorIds, menteeIds, score, source, expiresAt, acceptedBy: [] };
    }
    case 'matching.relationship.accepted':
      return state.status === 'proposed' ? { ...state, acceptedBy: [...state.acceptedBy, event.data.participantId] } : state;
    case 'matching.relationship.started':
      return state.status === 'proposed' ? { ...dropProposalFields(state), status: 'active', startedAt: event.data.startedAt, agreedBy: [] } : state;
    case 'matching.relationship.declined':
      return state.status === 'proposed' ? { ...dropProposalFields(state), status: 'declined' } : state;
    case 'matching.relationship.expired':
      return state.status === 'proposed' ? { ...dropProposalFields(state), status: 'expired' } : state;
    case 'matching.relationship.agreement-recorded':
      return state.status === 'active' || state.status === 'paused'
        ? { ...state, agreedBy: [...new Set([...state.agreedBy, event.data.by])] }
        : state;
    case 'matching.relationship.paused':
      return state.status === 'active' ? { ...state, status: 'paused' } : state;
    case 'matching.relationship.resumed':
      return state.status === 'paused' ? { ...state, status: 'active' } : state;
    case 'matching.relationship.ended':
      if (state.status !== 'active' && state.status !== 'paused') return state;
      return { ...withoutAgreement(state), status: 'ended', endReason: event.data.reason, reflectedBy: [] };
    case 'matching.relationship.reflection-submitted':
      return state.status === 'ended' ? { ...state, reflectedBy: [...state.reflectedBy, event.data.participantId] } : state;
    default:
      return state;
  }
}

function dropProposalFields<S extends { acceptedBy: readonly string[] }>(state: S): Omit<S, 'acceptedBy' | 'status'> {
  const { acceptedBy: _acceptedBy, status: _status, ...rest } = state as S & { status: string };
  return rest;
}

function withoutAgreement<S extends { agreedBy: readonly string[] }>(state: S): Omit<S, 'agreedBy' | 'status'> {
  const { agreedBy: _agreedBy, status: _status, ...rest } = state as S & { status: string };
  return rest;
}
