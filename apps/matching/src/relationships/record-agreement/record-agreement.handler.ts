import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { EventStore, handleCommand } from '@tandem/eventstore';
import { relationshipDecider } from '@tandem/matching-domain';
import { documentId, ReadModels, written } from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import type { RelationshipView } from '../../infrastructure/views';
import { ReadModelProjection } from '../../read-models/read-model-projection';
import { RelationshipAccess } from '../relationship-access';
import type { AgreementBody } from '../relationship-schemas';

export class RecordAgreement {
  constructor(
    readonly principal: Principal,
    readonly relationshipId: string,
    readonly agreement: AgreementBody,
    /** From If-Match: the relationship's version the caller saw (412 when it moved on). */
    readonly expectedVersion?: number,
  ) {}
}

/**
 * A party records the relationship's agreement. The event carries the measurable part; the scope
 * and channel are free text, kept beside the relationship per party once the event is appended.
 */
@CommandHandler(RecordAgreement)
export class RecordAgreementHandler implements ICommandHandler<RecordAgreement, RelationshipView> {
  constructor(
    private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly readModels: ReadModels,
    private readonly access: RelationshipAccess,
  ) {}

  async execute({
    principal,
    relationshipId,
    agreement,
    expectedVersion,
  }: RecordAgreement): Promise<RelationshipView> {
    const { relationship, asAdmin } = await this.access.visible(principal, relationshipId);
    const { scope, preferredChannel, sessionsPerMonth, agreedUntil } = agreement;
    const handled = await handleCommand(this.store, relationshipDecider, {
      tenantId: principal.tenantId,
      streamId: streams.relationship(relationshipId),
      command: {
        type: 'record-agreement',
        by: principal.userId,
        asAdmin,
        sessionsPerMonth,
        ...(agreedUntil ? { agreedUntil } : {}),
      },
      expectedVersion,
    });
    await this.projection.applyAppended(handled.events, relationship);
    const texts = {
      scope,
      preferredChannel,
      sessionsPerMonth,
      confidentialityAcknowledged: true as const,
      ...(agreedUntil ? { agreedUntil } : {}),
    };
    // The revision moves too, so a projection applying an event concurrently retries on this text.
    return await written(
      this.readModels
        .forTenant(principal)
        .relationships.findOneAndUpdate(
          { _id: documentId(principal.tenantId, relationshipId) },
          { $set: { [`agreements.${principal.userId}`]: texts }, $inc: { _revision: 1 } },
          { returnDocument: 'after' },
        ),
    );
  }
}
