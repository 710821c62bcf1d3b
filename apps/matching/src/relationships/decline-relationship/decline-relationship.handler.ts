import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { EventStore, handleCommand } from '@tandem/eventstore';
import { relationshipDecider } from '@tandem/matching-domain';
import { MentorCapacity } from '../../infrastructure/mentor-capacity';
import { streams } from '../../infrastructure/streams';
import type { RelationshipView } from '../../infrastructure/views';
import { ReadModelProjection } from '../../read-models/read-model-projection';
import { RelationshipAccess } from '../relationship-access';

export class DeclineRelationship {
  constructor(
    readonly principal: Principal,
    readonly relationshipId: string,
    readonly reason: string,
    /** From If-Match: the relationship's version the caller saw (412 when it moved on). */
    readonly expectedVersion?: number,
  ) {}
}

/** A party declines a proposal (an admin may decline for them); the capacity held for it, if any, is freed. */
@CommandHandler(DeclineRelationship)
export class DeclineRelationshipHandler implements ICommandHandler<DeclineRelationship, RelationshipView> {
  constructor(
    private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly access: RelationshipAccess,
    private readonly capacity: MentorCapacity,
  ) {}

  async execute({
    principal,
    relationshipId,
    reason,
    expectedVersion,
  }: DeclineRelationship): Promise<RelationshipView> {
    const { relationship, asAdmin } = await this.access.visible(principal, relationshipId);
    const actor = { by: principal.userId, asAdmin };
    const handled = await handleCommand(this.store, relationshipDecider, {
      tenantId: principal.tenantId,
      streamId: streams.relationship(relationshipId),
      command: { type: 'decline', ...actor, reason },
      expectedVersion,
    });
    const stored = await this.projection.applyAppended(handled.events, relationship);
    // The mentor capacity policy frees it from the topic too; at once here, for the next request.
    await this.capacity.release(principal.tenantId, relationshipId);
    return stored ?? relationship;
  }
}
