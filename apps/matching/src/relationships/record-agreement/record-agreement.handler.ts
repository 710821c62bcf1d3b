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
 * A party proposes the agreement's next version (and so confirms it). The event carries the
 * structured terms; the goals are free text, kept beside the relationship with their version.
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
    const { goals, sessionsPerMonth, channel, confidentiality, agreedUntil, availability } = agreement;
    const handled = await handleCommand(this.store, relationshipDecider, {
      tenantId: principal.tenantId,
      streamId: streams.relationship(relationshipId),
      command: {
        type: 'propose-agreement',
        by: principal.userId,
        asAdmin,
        terms: { sessionsPerMonth, channel, confidentiality, ...(agreedUntil ? { agreedUntil } : {}) },
        ...(availability ? { availability } : {}),
      },
      expectedVersion,
    });
    await this.projection.applyAppended(handled.events, relationship);
    const proposed = handled.events.find((e) => e.type === 'matching.relationship.agreement-proposed');
    const version =
      proposed?.type === 'matching.relationship.agreement-proposed' ? proposed.data.agreementVersion : 0;
    // Only onto the version proposed here: a newer one, proposed meanwhile, keeps its own goals.
    // The revision moves too, so a projection applying an event concurrently retries on this text.
    const models = this.readModels.forTenant(principal);
    const _id = documentId(principal.tenantId, relationshipId);
    await models.relationships.updateOne(
      { _id, 'agreement.version': version },
      { $set: { 'agreement.goals': goals }, $inc: { _revision: 1 } },
    );
    return await written(models.relationships.findOne({ _id }));
  }
}
