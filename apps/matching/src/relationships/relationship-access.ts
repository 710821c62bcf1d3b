import { Injectable, NotFoundException } from '@nestjs/common';
import { canViewRelationship, type Principal } from '@tandem/auth';
import { documentId, ReadModels } from '../infrastructure/read-model-collections';
import type { RelationshipView } from '../infrastructure/views';
import { ProgramAccess, type VisibleProgram } from '../programs/program-access';

export interface VisibleRelationship {
  readonly relationship: RelationshipView;
  readonly program: VisibleProgram;
  /** The principal manages the relationship's program (may act as admin). */
  readonly asAdmin: boolean;
}

/** A relationship is visible to its mentors and mentees and to its program's admins; to others it does not exist. */
@Injectable()
export class RelationshipAccess {
  constructor(
    private readonly readModels: ReadModels,
    private readonly programs: ProgramAccess,
  ) {}

  async visible(principal: Principal, relationshipId: string): Promise<VisibleRelationship> {
    const relationship = await this.readModels
      .forTenant(principal)
      .relationships.findOne({ _id: documentId(principal.tenantId, relationshipId) });
    if (!relationship) throw notFound();
    const program = await this.programs.visible(principal, relationship.programId).catch(() => undefined);
    if (!program) throw notFound();
    const view = { mentorUserIds: relationship.mentorIds, menteeUserIds: relationship.menteeIds };
    if (!canViewRelationship(principal, view, { adminIds: program.settings.adminIds })) throw notFound();
    return { relationship, program, asAdmin: this.programs.canManage(principal, program) };
  }
}

const notFound = () => new NotFoundException('Relationship not found');
