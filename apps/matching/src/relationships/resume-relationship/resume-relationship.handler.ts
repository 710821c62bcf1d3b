import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { EventStore, handleCommand } from '@tandem/eventstore';
import { relationshipDecider } from '@tandem/matching-domain';
import { streams } from '../../infrastructure/streams';
import type { RelationshipView } from '../../infrastructure/views';
import { ReadModelProjection } from '../../read-models/read-model-projection';
import { RelationshipAccess } from '../relationship-access';

export class ResumeRelationship {
  constructor(
    readonly principal: Principal,
    readonly relationshipId: string,
    /** From If-Match: the relationship's version the caller saw (412 when it moved on). */
    readonly expectedVersion?: number,
  ) {}
}

/** A party (or an admin) resumes a paused relationship. */
@CommandHandler(ResumeRelationship)
export class ResumeRelationshipHandler implements ICommandHandler<ResumeRelationship, RelationshipView> {
  constructor(
    private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly access: RelationshipAccess,
  ) {}

  async execute({
    principal,
    relationshipId,
    expectedVersion,
  }: ResumeRelationship): Promise<RelationshipView> {
    const { relationship, asAdmin } = await this.access.visible(principal, relationshipId);
    const actor = { by: principal.userId, asAdmin };
    const handled = await handleCommand(this.store, relationshipDecider, {
      tenantId: principal.tenantId,
      streamId: streams.relationship(relationshipId),
      command: { type: 'resume', ...actor },
      expectedVersion,
    });
    return (await this.projection.applyAppended(handled.events, relationship)) ?? relationship;
  }
}
