import type { EventEnvelope } from '@tandem/events';
import type { KnownRelationship } from '@tandem/goals-domain';

export type RelationshipFacts = KnownRelationship & { tenantId: string };

const statusAfter: Partial<Record<string, KnownRelationship['status']>> = {
  'matching.relationship.proposed': 'proposed',
  'matching.relationship.started': 'active',
  'matching.relationship.paused': 'paused',
  'matching.relationship.resumed': 'active',
  'matching.relationship.ended': 'ended',
  'matching.relationship.declined': 'declined',
  'matching.relationship.expired': 'expired',
};

/**
 * Pure: what goals knows of a relationship after one of matching's events. Parties come from
 * proposed/started (user ids); the status from every lifecycle fact. Applied once per stream
 * version by applyOnce, and Kafka keeps one relationship's events in order.
 */
export function evolveRelationshipFacts(
  state: RelationshipFacts | undefined,
  event: EventEnvelope,
): RelationshipFacts {
  const data = event.data as {
    relationshipId: string;
    programId: string;
    mentorIds?: string[];
    menteeIds?: string[];
  };
  const base: RelationshipFacts = state ?? {
    tenantId: event.metadata.tenantId,
    relationshipId: data.relationshipId,
    programId: data.programId,
    status: 'proposed',
    mentorIds: [],
    menteeIds: [],
  };
  const status = statusAfter[event.type] ?? base.status;
  return {
    ...base,
    status,
    ...(data.mentorIds ? { mentorIds: data.mentorIds } : {}),
    ...(data.menteeIds ? { menteeIds: data.menteeIds } : {}),
  };
}
