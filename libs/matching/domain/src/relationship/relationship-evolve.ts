import type { TandemEvent } from '@tandem/events';
import type { AgreementState, RelationshipState } from './relationship-state';

export function evolveRelationship(state: RelationshipState, event: TandemEvent): RelationshipState {
  switch (event.type) {
    case 'matching.relationship.proposed': {
      const { relationshipId, programId, mentorIds, menteeIds, score, source, expiresAt } = event.data;
      return {
        status: 'proposed',
        relationshipId,
        programId,
        mentorIds,
        menteeIds,
        score,
        source,
        expiresAt,
        acceptedBy: [],
      };
    }
    case 'matching.relationship.accepted':
      return state.status === 'proposed'
        ? { ...state, acceptedBy: [...state.acceptedBy, event.data.participantId] }
        : state;
    case 'matching.relationship.started':
      return state.status === 'proposed'
        ? { ...dropProposalFields(state), status: 'active', startedAt: event.data.startedAt }
        : state;
    case 'matching.relationship.declined':
      return state.status === 'proposed' ? { ...dropProposalFields(state), status: 'declined' } : state;
    case 'matching.relationship.expired':
      return state.status === 'proposed' ? { ...dropProposalFields(state), status: 'expired' } : state;
    case 'matching.relationship.agreement-proposed': {
      if (state.status !== 'active' && state.status !== 'paused') return state;
      const { agreementVersion, sessionsPerMonth, channel, confidentiality, agreedUntil, availability } =
        event.data;
      const terms = { sessionsPerMonth, channel, confidentiality, ...(agreedUntil ? { agreedUntil } : {}) };
      const agreement: AgreementState = { version: agreementVersion, terms, availability, confirmedBy: [] };
      return { ...state, agreement };
    }
    case 'matching.relationship.agreement-confirmed': {
      if (state.status !== 'active' && state.status !== 'paused') return state;
      const { agreement } = state;
      if (!agreement || agreement.version !== event.data.agreementVersion) return state;
      return {
        ...state,
        agreement: { ...agreement, confirmedBy: [...agreement.confirmedBy, event.data.by] },
      };
    }
    case 'matching.relationship.paused':
      return state.status === 'active' ? { ...state, status: 'paused' } : state;
    case 'matching.relationship.resumed':
      return state.status === 'paused' ? { ...state, status: 'active' } : state;
    case 'matching.relationship.party-deactivated':
      return state.status === 'active' || state.status === 'paused'
        ? { ...state, deactivatedParties: [...(state.deactivatedParties ?? []), event.data.userId] }
        : state;
    case 'matching.relationship.ended':
      if (state.status !== 'active' && state.status !== 'paused') return state;
      return { ...withoutAgreement(state), status: 'ended', endReason: event.data.reason, reflectedBy: [] };
    case 'matching.relationship.rematch-requested':
      return state.status === 'ended' ? { ...state, rematch: { status: 'requested' } } : state;
    case 'matching.relationship.rematch-proposed':
      return state.status === 'ended'
        ? { ...state, rematch: { status: 'proposed', newRelationshipId: event.data.newRelationshipId } }
        : state;
    case 'matching.relationship.reflection-submitted':
      return state.status === 'ended'
        ? { ...state, reflectedBy: [...state.reflectedBy, event.data.participantId] }
        : state;
    default:
      // Also `agreement-recorded`: the agreement's completion, already visible in its confirmations.
      return state;
  }
}

function dropProposalFields<S extends { acceptedBy: readonly string[] }>(
  state: S,
): Omit<S, 'acceptedBy' | 'status'> {
  const { acceptedBy: _acceptedBy, status: _status, ...rest } = state as S & { status: string };
  return rest;
}

function withoutAgreement<S extends { agreement?: AgreementState }>(
  state: S,
): Omit<S, 'agreement' | 'status'> {
  const { agreement: _agreement, status: _status, ...rest } = state as S & { status: string };
  return rest;
}
