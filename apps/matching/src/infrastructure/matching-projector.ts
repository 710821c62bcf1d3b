import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tandem/events';
import type { EventSubscriber } from '@tandem/runtime';
import { AggregateStore } from './aggregate-store';
import { MentorCapacity } from './mentor-capacity';
import { parseStreamId } from './streams';

/**
 * Keeps the read models in step with the matching topic (after crashes, in other replicas, on
 * replays): each event refreshes its aggregate's snapshot, and ending a relationship frees the
 * mentor capacity it held. Both are idempotent.
 */
@Injectable()
export class MatchingProjector implements EventSubscriber {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly capacity: MentorCapacity,
  ) {}

  async handle(event: EventEnvelope): Promise<void> {
    const { tenantId, streamId } = event.metadata;
    const aggregate = parseStreamId(streamId);
    if (!aggregate) return;
    await this.aggregates.refresh(aggregate.kind, tenantId, aggregate.id);
    const closesRelationship = [
      'matching.relationship.ended',
      'matching.relationship.declined',
      'matching.relationship.expired',
    ].includes(event.type);
    if (closesRelationship)
      await this.capacity.release(tenantId, (event.data as { relationshipId: string }).relationshipId);
  }
}
