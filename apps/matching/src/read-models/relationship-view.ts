import type { EventEnvelope } from '@tandem/events';
import { isAgreed } from '@tandem/matching-domain';
import type { RelationshipAgreementView, RelationshipView } from '../infrastructure/views';
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
    case 'matching.relationship.agreement-proposed':
      return { ...current, agreement: proposedAgreement(event) };
    case 'matching.relationship.agreement-confirmed':
      return withConfirmation(current, event);
    case 'matching.relationship.agreement-recorded':
      // With a mutual agreement, who agreed is who confirmed it; before that, who recorded terms.
      return current.agreement
        ? { ...current, agreedBy: [...current.agreement.confirmedBy] }
        : { ...current, agreedBy: [...new Set([...(current.agreedBy ?? []), event.data.by])] };
    case 'matching.relationship.rematch-requested':
      return {
        ...current,
        rematch: { status: 'queued', requestedBy: event.data.by, requestedAt: event.metadata.time },
      };
    case 'matching.relationship.rematch-proposed':
      return current.rematch
        ? {
            ...current,
            rematch: {
              ...current.rematch,
              status: 'proposed',
              newRelationshipId: event.data.newRelationshipId,
            },
          }
        : current;
    case 'matching.relationship.paused':
      return { ...current, status: 'paused' };
    case 'matching.relationship.resumed':
      return { ...current, status: 'active' };
    case 'matching.relationship.party-deactivated':
      return { ...current, deactivatedParties: [...(current.deactivatedParties ?? []), event.data.userId] };
    case 'matching.relationship.ended':
      return { ...current, status: 'ended', endReason: event.data.reason, reflectedBy: [] };
    case 'matching.relationship.reflection-submitted':
      return { ...current, reflectedBy: [...(current.reflectedBy ?? []), event.data.participantId] };
    default:
      return current;
  }
}

function proposedAgreement(
  event: EnvelopeOf<'matching.relationship.agreement-proposed'>,
): RelationshipAgreementView {
  const { agreementVersion, by, sessionsPerMonth, channel, confidentiality, agreedUntil, availability } =
    event.data;
  return {
    version: agreementVersion,
    status: 'proposed',
    proposedBy: by,
    confirmedBy: [],
    sessionsPerMonth,
    channel,
    confidentiality,
    ...(agreedUntil ? { agreedUntil } : {}),
    availability: availability.map((a) => ({ ...a, windows: a.windows.map((w) => ({ ...w })) })),
  };
}

function withConfirmation(
  current: RelationshipState,
  event: EnvelopeOf<'matching.relationship.agreement-confirmed'>,
): RelationshipState {
  const { agreement } = current;
  if (!agreement || agreement.version !== event.data.agreementVersion) return current;
  const confirmedBy = [...new Set([...agreement.confirmedBy, event.data.by])];
  const agreed = isAgreed(current, { confirmedBy });
  return { ...current, agreement: { ...agreement, confirmedBy, status: agreed ? 'agreed' : 'proposed' } };
}
