import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { EventStore, handleCommand } from '@tandem/eventstore';
import { relationshipDecider, type EndReason } from '@tandem/matching-domain';
import { MentorCapacity } from '../../infrastructure/mentor-capacity';
import { streams } from '../../infrastructure/streams';
import type { RelationshipView } from '../../infrastructure/views';
import { ReadModelProjection } from '../../read-models/read-model-projection';
import { RelationshipAccess } from '../relationship-access';

export class EndRelationship {
  constructor(
    readonly principal: Principal,
    readonly relationshipId: string,
    readonly reason: EndReason,
    readonly requestRematch: boolean,
    /** From If-Match: the relationship's version the caller saw (412 when it moved on). */
    readonly expectedVersion?: number,
  ) {}
}

/** A party (or an admin) ends a running or paused relationship, which frees its mentor's capacity. */
@CommandHandler(EndRelationship)
export class EndRelationshipHandler implements ICommandHandler<EndRelationship, RelationshipView> {
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
    requestRematch,
    expectedVersion,
  }: EndRelationship): Promise<RelationshipView> {
    const { relationship, asAdmin } = await this.access.visible(principal, relationshipId);
    const handled = await handleCommand(this.store, relationshipDecider, {
      tenantId: principal.tenantId,
      streamId: streams.relationship(relationshipId),
      command: {
        type: 'end',
        by: principal.userId,
        asAdmin,
        reason,
        requestRematch,
        now: new Date().toISOString(),
      },
      expectedVersion,
    });
    const stored = await this.projection.applyAppended(handled.events, relationship);
    // The mentor capacity policy frees it from the topic too; at once here, for the next request.
    await this.capacity.release(principal.tenantId, relationshipId);
    return stored ?? relationship;
  }
}
