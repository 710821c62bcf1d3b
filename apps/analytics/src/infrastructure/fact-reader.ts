import { Injectable } from '@nestjs/common';
import { factSetOf, foldFact, type Fact, type FactSet, type ProgramFact } from '@tandem/analytics-domain';
import { queryOperator, tenantScoped } from '@tandem/auth';
import type { Filter } from 'mongodb';
import { factDocumentId, type FactDocument } from './fact-document';
import { FactGenerations } from './fact-generations';

/** Reads one tenant's facts from the active generation, as they are now or as they were at `asOf`. */
@Injectable()
export class FactReader {
  constructor(private readonly generations: FactGenerations) {}

  /** Facts of the given programs (all of the tenant's when `programIds` is undefined). */
  async factSet(
    tenantId: string,
    programIds: readonly string[] | undefined,
    asOf?: string,
  ): Promise<FactSet> {
    const filter: Filter<FactDocument> =
      programIds === undefined ? {} : { programId: queryOperator({ $in: [...programIds] }) };
    // The current fold is stored; a past date needs the histories to refold.
    const projection =
      asOf === undefined
        ? { fact: 1, kind: 1, factId: 1, programId: 1 }
        : { fact: 1, kind: 1, factId: 1, programId: 1, history: 1 };
    const documents = await (await this.facts(tenantId)).find(filter, { projection }).toArray();
    const facts =
      asOf === undefined
        ? documents.map((d) => d.fact)
        : documents
            .map((d) => foldFact({ kind: d.kind, id: d.factId, programId: d.programId }, d.history, asOf))
            .filter((fact): fact is Fact => fact !== undefined);
    return factSetOf(facts);
  }

  /** The tenant's programs as analytics knows them now (for access decisions). */
  async programs(tenantId: string): Promise<ProgramFact[]> {
    // Program facts are the `_id`s `<tenant>/program/…`: one range of the `_id` index.
    const prefix = factDocumentId(tenantId, 'program', '');
    const range = queryOperator({ $gte: prefix, $lt: `${prefix.slice(0, -1)}0` });
    const documents = await (
      await this.facts(tenantId)
    )
      .find({ _id: range }, { projection: { fact: 1 } })
      .toArray();
    return documents.map((d) => d.fact as ProgramFact);
  }

  /** One program as analytics knows it now, or undefined (one `_id` read). */
  async program(tenantId: string, programId: string): Promise<ProgramFact | undefined> {
    const document = await (
      await this.facts(tenantId)
    ).findOne({ _id: factDocumentId(tenantId, 'program', programId) }, { projection: { fact: 1 } });
    return (document?.fact as ProgramFact | undefined) ?? undefined;
  }

  private async facts(tenantId: string) {
    const { active } = await this.generations.current();
    return tenantScoped(this.generations.collection(active), tenantId);
  }
}
