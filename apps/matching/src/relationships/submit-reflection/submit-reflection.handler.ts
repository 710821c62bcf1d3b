import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { EventStore, handleCommand } from '@tandem/eventstore';
import { relationshipDecider } from '@tandem/matching-domain';
import { documentId, ReadModels, written } from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import type { RelationshipView } from '../../infrastructure/views';
import { ReadModelProjection } from '../../read-models/read-model-projection';
import { RelationshipAccess } from '../relationship-access';
import type { ReflectionBody } from '../relationship-schemas';

/** The relationship after the reflection, and whether its author manages the program. */
export interface ReflectionSubmitted {
  readonly relationship: RelationshipView;
  readonly asAdmin: boolean;
}

export class SubmitReflection {
  constructor(
    readonly principal: Principal,
    readonly relationshipId: string,
    readonly reflection: ReflectionBody,
    /** From If-Match: the relationship's version the caller saw (412 when it moved on). */
    readonly expectedVersion?: number,
  ) {}
}

/** A party's closing reflection: the ratings in the event, the free-text comment kept beside it. */
@CommandHandler(SubmitReflection)
export class SubmitReflectionHandler implements ICommandHandler<SubmitReflection, ReflectionSubmitted> {
  constructor(
    private readonly store: EventStore,
    private readonly projection: ReadModelProjection,
    private readonly readModels: ReadModels,
    private readonly access: RelationshipAccess,
  ) {}

  async execute({
    principal,
    relationshipId,
    reflection,
    expectedVersion,
  }: SubmitReflection): Promise<ReflectionSubmitted> {
    const { relationship, asAdmin } = await this.access.visible(principal, relationshipId);
    const { comment, commentVisibility, ...measured } = reflection;
    const handled = await handleCommand(this.store, relationshipDecider, {
      tenantId: principal.tenantId,
      streamId: streams.relationship(relationshipId),
      command: { type: 'submit-reflection', by: principal.userId, asAdmin, ...measured },
      expectedVersion,
    });
    const stored = (await this.projection.applyAppended(handled.events, relationship)) ?? relationship;
    if (!comment) return { relationship: stored, asAdmin };
    const author = principal.userId;
    // The revision moves too, so a projection applying an event concurrently retries on this text.
    const withComment = await written(
      this.readModels.forTenant(principal).relationships.findOneAndUpdate(
        { _id: documentId(principal.tenantId, relationshipId) },
        {
          $set: {
            [`reflectionComments.${author}`]: comment,
            [`reflectionCommentVisibility.${author}`]: commentVisibility,
          },
          $inc: { _revision: 1 },
        },
        { returnDocument: 'after' },
      ),
    );
    return { relationship: withComment, asAdmin };
  }
}
