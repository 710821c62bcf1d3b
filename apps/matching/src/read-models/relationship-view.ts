import type { EventEnvelope } from '@tandem/events';
import type { RelationshipView } from '../infrastructure/views';
import { missingDocument, stamped, type EnvelopeOf, type ViewState } from './read-model-state';

export type RelationshipState = ViewState<RelationshipView>;

/**
 * The relationships read model: what the parties and admins see of a relationship, from its
 * events, over the agreement and reflection texts the handlers write beside them.
 */
export function evolveRelationshipView(
  view: RelationshipState | undefined,
  event: EventEnvelope,
): RelationshipState {
  if (event.type === 'matching.relationship.proposed') return stamped(proposed(view, event), event);
  const current = view ?? missingDocument(event);
  return stamped(afterProposal(current, event), event);
}

function proposed(
  view: RelationshipState | undefined,
  event: EnvelopeOf<'matching.relationship.proposed'>,
): RelationshipState {
  const { relationshipId, programId, mentorIds, menteeIds, score, source, runId, expiresAt } = event.data;
  return {
    ...view,
    tenantId: event.metadata.tenantId,
    relationshipId,
    programId,
    version: 0,
    status: 'proposed',
    mentorIds: [...mentorIds],
    menteeIds: [...menteeIds],
    score,
    source,
    ...(runId ? { runId } : {}),
    expiresAt,
    acceptedBy: [],
  };
}

function afterProposal(current: RelationshipState, event: EventEnvelope): RelationshipState {
  switch (event.type) {
    case 'matching.relationship.accepted':
      return { ...current, acceptedBy: [...(current.acceptedBy ?? []), event.data.participantId] };
    case 'matching.relationship.started':
      return { ...current, status: 'active', startedAt: event.data.startedAt, agreedBy: [] };
    case 'matching.relationship.declined':
      return { ...current, status: 'declined' };
    case 'matching.relationship.expired':
      return { ...current, status: 'expired' };
    case 'matching.relationship.agreement-recorded':
      return { ...current, agreedBy: [...new Set([...(current.agreedBy ?? []), event.data.by])] };
    case 'matching.relationship.paused':
      return { ...current, status: 'paused' };
    case 'matching.relationship.resumed':
      return { ...current, status: 'active' };
    case 'matching.relationship.ended':
      return { ...current, status: 'ended', endReason: event.data.reason, reflectedBy: [] };
    case 'matching.relationship.reflection-submitted':
      return { ...current, reflectedBy: [...(current.reflectedBy ?? []), event.data.participantId] };
    default:
      return current;
  }
}
