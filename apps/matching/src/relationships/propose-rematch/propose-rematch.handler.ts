import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@tandem/auth';
import { DomainError } from '@tandem/kernel';
import { documentId, ReadModels, written } from '../../infrastructure/read-model-collections';
import type { RelationshipView } from '../../infrastructure/views';
import { RelationshipAccess } from '../relationship-access';
import { Rematcher } from './rematcher';

export class ProposeRematch {
  constructor(
    readonly principal: Principal,
    /** The ended relationship whose mentee asked for a re-match. */
    readonly relationshipId: string,
    /** A mentor (participant id) the admin chose; otherwise the best one that fits. */
    readonly mentorId: string | undefined,
    readonly expectedVersion?: number,
  ) {}
}

/** An admin answers a queued re-match with a new proposal to the mentee, with another mentor. */
@CommandHandler(ProposeRematch)
export class ProposeRematchHandler implements ICommandHandler<ProposeRematch, RelationshipView> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly access: RelationshipAccess,
    private readonly rematcher: Rematcher,
  ) {}

  async execute({
    principal,
    relationshipId,
    mentorId,
    expectedVersion,
  }: ProposeRematch): Promise<RelationshipView> {
    const { relationship, program, asAdmin } = await this.access.visible(principal, relationshipId);
    if (!asAdmin)
      throw new DomainError('admin-only', 'Only a program admin proposes a re-match', 'forbidden');
    const newRelationshipId = await this.rematcher.rematch({
      tenantId: principal.tenantId,
      relationship,
      program,
      by: principal.userId,
      asAdmin,
      ...(mentorId ? { mentorId } : {}),
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
    });
    return await written(
      this.readModels
        .forTenant(principal)
        .relationships.findOne({ _id: documentId(principal.tenantId, newRelationshipId) }),
    );
  }
}
