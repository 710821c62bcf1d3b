import { Injectable, NotFoundException } from '@nestjs/common';
import { canViewRelationship, type Principal, lookupInTenant } from '@tandem/auth';
import type { Document } from 'mongodb';
import { documentId, ReadModels } from '../infrastructure/read-model-collections';
import type { ProgramView, RelationshipView } from '../infrastructure/views';
import { ProgramAccess, type VisibleProgram } from '../programs/program-access';

export interface VisibleRelationship {
  /** As stored, so a command can project onto it without reading it again. */
  readonly relationship: RelationshipView;
  readonly program: VisibleProgram;
  /** The principal manages the relationship's program (may act as admin). */
  readonly asAdmin: boolean;
}

type RelationshipWithProgram = RelationshipView & { programsKey?: string; programs: ProgramView[] };

/** Joins a relationship document with its program's as `programs` (none or one), by the program's `_id`. */
const withProgram = (tenantId: string): Document[] =>
  lookupInTenant({ tenantId, from: 'programs', idField: 'programId', as: 'programs' });

/**
 * A relationship is visible to its mentors and mentees and to its program's admins; to others it
 * does not exist. The relationship and its program are read in one aggregate: one round trip.
 */
@Injectable()
export class RelationshipAccess {
  constructor(
    private readonly readModels: ReadModels,
    private readonly programs: ProgramAccess,
  ) {}

  async visible(principal: Principal, relationshipId: string): Promise<VisibleRelationship> {
    const { tenantId } = principal;
    const [joined] = await this.readModels
      .forTenant(principal)
      .relationships.aggregate<RelationshipWithProgram>([
        { $match: { _id: documentId(tenantId, relationshipId) } },
        ...withProgram(tenantId),
      ])
      .toArray();
    if (!joined) throw notFound();
    // The join's fields are no part of the document: it is written back as read by the projection.
    const { programsKey: _key, programs, ...relationship } = joined;
    const program = this.programIn(principal, programs[0]);
    if (!program) throw notFound();
    const view = { mentorUserIds: relationship.mentorIds, menteeUserIds: relationship.menteeIds };
    if (!canViewRelationship(principal, view, { adminIds: program.settings.adminIds })) throw notFound();
    return { relationship, program, asAdmin: this.programs.canManage(principal, program) };
  }

  private programIn(principal: Principal, program: ProgramView | undefined): VisibleProgram | undefined {
    try {
      return this.programs.visibleIn(principal, program);
    } catch {
      return undefined;
    }
  }
}

const notFound = () => new NotFoundException('Relationship not found');
