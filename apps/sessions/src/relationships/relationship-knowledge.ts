import { Injectable, NotFoundException } from '@nestjs/common';
import { canManageProgram, type Principal, lookupInTenant } from '@tandem/auth';
import {
  foldProgramFacts,
  foldRelationshipFacts,
  membersOf,
  type KnownProgram,
  type KnownRelationship,
  type KnownRelationshipStatus,
  type ProgramFact,
  type RelationshipFact,
} from '@tandem/sessions-domain';
import type { Document } from 'mongodb';
import { documentId, ReadModels } from '../infrastructure/read-models';
import type { ProgramFactsView, RelationshipFactsView } from '../infrastructure/views';

export interface RelationshipInContext {
  readonly relationshipId: string;
  readonly programId: string;
  readonly relationship: KnownRelationship;
  readonly program: KnownProgram;
  readonly members: string[];
}

/** A relationship someone may see: this service has heard of it from matching. */
export type HeardOfRelationship = KnownRelationship & {
  readonly status: Exclude<KnownRelationshipStatus, 'unknown'>;
};

const heardOf = (relationship: KnownRelationship): relationship is HeardOfRelationship =>
  relationship.status !== 'unknown';

export interface VisibleRelationship extends RelationshipInContext {
  readonly relationship: HeardOfRelationship;
  /** The caller manages the relationship's program (a listed program admin, or a platform admin). */
  readonly asAdmin: boolean;
}

type RelationshipWithProgram = RelationshipFactsView & { programs: ProgramFactsView[] };

/** Joins a relationship document with its program's as `programs` (none or one), by the program's `_id`. */
const withProgram = (tenantId: string): Document[] =>
  lookupInTenant({ tenantId, from: 'programs', idField: 'programId', as: 'programs' });

const isDuplicateKey = (error: unknown) => (error as { code?: unknown }).code === 11000;

/**
 * What this service knows of matching's relationships and programs. Facts are written with
 * `$set` under their stream version and folded on read: idempotent and commutative, so any order
 * of delivery and any redelivery converge (an end is final even when it arrives first).
 */
@Injectable()
export class RelationshipKnowledge {
  constructor(private readonly readModels: ReadModels) {}

  async recordRelationshipFact(
    tenantId: string,
    relationshipId: string,
    programId: string,
    version: number,
    fact: RelationshipFact,
  ) {
    await this.upsert(() =>
      this.readModels
        .forTenant(tenantId)
        .relationships.updateOne(
          { _id: documentId(tenantId, relationshipId) },
          { $set: { relationshipId, programId, [`facts.${version}`]: fact } },
          { upsert: true },
        ),
    );
  }

  async recordProgramFact(tenantId: string, programId: string, version: number, fact: ProgramFact) {
    await this.upsert(() =>
      this.readModels
        .forTenant(tenantId)
        .programs.updateOne(
          { _id: documentId(tenantId, programId) },
          { $set: { programId, [`facts.${version}`]: fact } },
          { upsert: true },
        ),
    );
  }

  /**
   * The relationship in the tenant, with its program, or undefined if this service never heard of
   * it: one aggregate joining the program by its `_id` (both in the caller's tenant), one round trip.
   */
  async find(tenantId: string, relationshipId: string): Promise<RelationshipInContext | undefined> {
    const [doc] = await this.readModels
      .forTenant(tenantId)
      .relationships.aggregate<RelationshipWithProgram>([
        { $match: { _id: documentId(tenantId, relationshipId) } },
        ...withProgram(tenantId),
      ])
      .toArray();
    if (!doc?.programId) return undefined;
    const relationship = foldRelationshipFacts(doc.facts ?? {});
    const program = foldProgramFacts(doc.programs[0]?.facts ?? {});
    return {
      relationshipId,
      programId: doc.programId,
      relationship,
      program,
      members: membersOf(relationship),
    };
  }

  /** Visible to its mentors and mentees and its program's admins; to anyone else it does not exist (404). */
  async visible(principal: Principal, relationshipId: string): Promise<VisibleRelationship> {
    const known = await this.find(principal.tenantId, relationshipId);
    if (!known || !heardOf(known.relationship)) throw new NotFoundException('Relationship not found');
    const asAdmin = canManageProgram(principal, known.program);
    if (!asAdmin && !known.members.includes(principal.userId))
      throw new NotFoundException('Relationship not found');
    return { ...known, relationship: known.relationship, asAdmin };
  }

  /** Ids of the programs the caller administers in this tenant. */
  async administeredProgramIds(principal: Principal): Promise<string[]> {
    const programs = await this.readModels.forTenant(principal).programs.find({}).toArray();
    return programs
      .filter((p) => canManageProgram(principal, foldProgramFacts(p.facts ?? {})))
      .map((p) => p.programId);
  }

  private async upsert(write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      // Two first facts of one document raced to insert it: the loser's $set now updates it.
      if (!isDuplicateKey(error)) throw error;
      await write();
    }
  }
}
