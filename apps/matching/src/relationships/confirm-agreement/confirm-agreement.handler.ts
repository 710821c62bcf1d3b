import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { EventStore, handleCommand } from '@tandem/eventstore';
import { relationshipDecider } from '@tandem/matching-domain';
import { streams } from '../../infrastructure/streams';
import type { RelationshipView } from '../../infrastructure/views';
import { ReadModelProjection } from '../../read-models/read-model-projection';
import { RelationshipAccess } from '../relationship-access';

export class ConfirmAgreement {
  constructor(
    readonly principal: Principal,
    readonly relationshipId: string,
    /** The agreement version the party read and confirms (409 when another replaced it). */
    readonly agreementVersion: number,
    /** From If-Match: the relationship's version the caller saw (412 when it moved on). */
    readonly expectedVersion?: number,
  ) {}
}

/** A party confirms the agreement's current version; the last confirmation makes it agreed. */
@CommandHandler(ConfirmAgreement)
export class ConfirmAgreementHandler implements ICommandHandler<ConfirmAgreement, RelationshipView> {
  constructor(
    private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly access: RelationshipAccess,
  ) {}

  async execute({
    principal,
    relationshipId,
    agreementVersion,
    expectedVersion,
  }: ConfirmAgreement): Promise<RelationshipView> {
    const { relationship, asAdmin } = await this.access.visible(principal, relationshipId);
    const handled = await handleCommand(this.store, relationshipDecider, {
      tenantId: principal.tenantId,
      streamId: streams.relationship(relationshipId),
      command: { type: 'confirm-agreement', by: principal.userId, asAdmin, agreementVersion },
      expectedVersion,
    });
    return (await this.projection.applyAppended(handled.events, relationship)) ?? relationship;
  }
}
