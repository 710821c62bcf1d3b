import { Injectable } from '@nestjs/common';
import {
  foldFact,
  type Fact,
  type FactKind,
  type GoalFact,
  type ParticipantFact,
  type ProgramFact,
  type RelationshipFact,
  type SessionFact,
} from '@tandem/analytics-domain';
import { queryOperator, tenantScoped, type TenantScopedCollection } from '@tandem/auth';
import type { Filter } from 'mongodb';
import { factDocumentId, type FactDocument } from '../infrastructure/fact-document';
import { FactGenerations } from '../infrastructure/fact-generations';

/** The facts of the active generation that name one person, each as its history folds today. */
export interface PersonalFacts {
  readonly enrolments: readonly ParticipantFact[];
  readonly relationships: readonly RelationshipFact[];
  /** Of their relationships: where their ratings are, and the relationships' own dates. */
  readonly sessions: readonly SessionFact[];
  readonly goals: readonly GoalFact[];
  readonly programsAdministered: readonly ProgramFact[];
}

type Facts = TenantScopedCollection<FactDocument>;

/** Reads one person's facts in a tenant through indexes (`FactGenerations.prepare`), never the whole tenant. */
@Injectable()
export class PersonalDataReader {
  constructor(private readonly generations: FactGenerations) {}

  async of(tenantId: string, userId: string): Promise<PersonalFacts> {
    const { active } = await this.generations.current();
    const facts = tenantScoped(this.generations.collection(active), tenantId);
    // Program facts are one `_id` range per tenant (as FactReader.programs reads them).
    const programs = factDocumentId(tenantId, 'program', '');
    const [enrolments, asMentor, asMentee, programsAdministered] = await Promise.all([
      read<ParticipantFact>(facts, { kind: 'participant', 'fact.userId': userId }),
      read<RelationshipFact>(facts, { kind: 'relationship', 'fact.mentorIds': userId }),
      read<RelationshipFact>(facts, { kind: 'relationship', 'fact.menteeIds': userId }),
      read<ProgramFact>(facts, {
        _id: queryOperator({ $gte: programs, $lt: `${programs.slice(0, -1)}0` }),
        'fact.adminIds': userId,
      }),
    ]);
    const relationships = [...new Map([...asMentor, ...asMentee].map((r) => [r.relationshipId, r])).values()];
    const [sessions, goals] = await Promise.all([
      ofRelationships<SessionFact>(facts, 'session', relationships),
      ofRelationships<GoalFact>(facts, 'goal', relationships),
    ]);
    return { enrolments, relationships, sessions, goals, programsAdministered };
  }
}

/**
 * Refolded from the history rather than the stored fold: facts folded before reflections and
 * feedback details were kept lack who gave them, and the history has it.
 */
async function read<T extends Fact>(facts: Facts, filter: Filter<FactDocument>): Promise<T[]> {
  const documents = await facts
    .find(filter, { projection: { kind: 1, factId: 1, programId: 1, history: 1, fact: 1 } })
    .toArray();
  return documents.map(
    (d) => (foldFact({ kind: d.kind, id: d.factId, programId: d.programId }, d.history) ?? d.fact) as T,
  );
}

/**
 * Sessions or goals of the relationships, one read per program: `{tenantId, programId, kind,
 * fact.relationshipId}` bounds it (an `$in` on `programId` would read the programs' every fact).
 */
async function ofRelationships<T extends Fact>(
  facts: Facts,
  kind: FactKind,
  relationships: readonly RelationshipFact[],
): Promise<T[]> {
  const byProgram = new Map<string, string[]>();
  for (const { programId, relationshipId } of relationships)
    byProgram.set(programId, [...(byProgram.get(programId) ?? []), relationshipId]);
  const perProgram = await Promise.all(
    [...byProgram].map(([programId, ids]) =>
      read<T>(facts, { programId, kind, 'fact.relationshipId': queryOperator({ $in: ids }) }),
    ),
  );
  return perProgram.flat();
}
