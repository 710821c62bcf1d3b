import { Injectable } from '@nestjs/common';
import {
  factSetOf,
  funnelOfJourneys,
  journeyOf,
  type ProgramFunnel,
  heldSessionsByRelationship,
  isCheckInOverdue,
  SUMMARY_COUNTERS,
  summaryFromRollup,
  type CheckInFact,
  type ProgramSummary,
  type SummaryCounter,
} from '@tandem/analytics-domain';
import { queryOperator, tenantScoped } from '@tandem/auth';
import { FactGenerations } from './fact-generations';

/**
 * A program's current summary and funnel from its rollups. The summary: from its rollup shards (a handful of documents, however many facts),
 * plus the overdue check-ins, which join three kinds of facts: read through the index, few of them.
 * Answers undefined when the active generation keeps no rollups (filled before they existed).
 */
@Injectable()
export class RollupReader {
  constructor(private readonly generations: FactGenerations) {}

  async summary(tenantId: string, programId: string): Promise<ProgramSummary | undefined> {
    const { active } = await this.generations.current();
    if (!(await this.generations.isRolledUp(active))) return undefined;
    return this.summaryIn(active, tenantId, programId);
  }

  /** The summary a generation's rollups give (for a generation that keeps them). */
  async summaryIn(generation: number, tenantId: string, programId: string): Promise<ProgramSummary> {
    const [shards, overdue] = await Promise.all([
      this.generations.rollups(generation).find({ tenantId, programId }).toArray(),
      this.checkInsOverdue(generation, tenantId, programId),
    ]);
    const counters: Partial<Record<SummaryCounter, number>> = {};
    for (const shard of shards)
      for (const counter of SUMMARY_COUNTERS)
        counters[counter] = (counters[counter] ?? 0) + (shard.counters[counter] ?? 0);
    const matchedMentees = shards.reduce((sum, shard) => sum + (shard.matchedMentees ?? 0), 0);
    return summaryFromRollup(programId, { counters, matchedMentees }, overdue);
  }

  /** The program's funnel from its mentees' journey documents (one per mentee), or undefined as `summary`. */
  async funnel(tenantId: string, programId: string): Promise<ProgramFunnel | undefined> {
    const { active } = await this.generations.current();
    if (!(await this.generations.isRolledUp(active))) return undefined;
    return this.funnelIn(active, tenantId, programId);
  }

  async funnelIn(generation: number, tenantId: string, programId: string): Promise<ProgramFunnel> {
    const documents = await this.generations
      .journeys(generation)
      // Every journey of the program is read: in as few batches as the server allows, not the 101-document default.
      .find({ tenantId, programId }, { projection: { enrolments: 1, relationships: 1 }, batchSize: 100_000 })
      .toArray();
    const journeys = documents.flatMap(({ enrolments = {}, relationships = {} }) =>
      Object.values(enrolments).map((enrolledAt) => journeyOf(enrolledAt, Object.values(relationships))),
    );
    return funnelOfJourneys(programId, journeys);
  }

  private async checkInsOverdue(generation: number, tenantId: string, programId: string): Promise<number> {
    const facts = tenantScoped(this.generations.collection(generation), tenantId);
    const projection = { fact: 1 };
    const checkIns = await facts
      .find(
        { programId, kind: 'check-ins', 'fact.overdueSince': queryOperator({ $ne: null }) },
        { projection },
      )
      .toArray();
    if (checkIns.length === 0) return 0;
    const relationshipIds = queryOperator({
      $in: checkIns.map((doc) => (doc.fact as CheckInFact).relationshipId),
    });
    const [relationships, sessions] = await Promise.all([
      facts
        .find({ programId, kind: 'relationship', 'fact.relationshipId': relationshipIds }, { projection })
        .toArray(),
      facts
        .find(
          { programId, kind: 'session', 'fact.relationshipId': relationshipIds, 'fact.status': 'held' },
          { projection },
        )
        .toArray(),
    ]);
    const set = factSetOf([...checkIns, ...relationships, ...sessions].map((doc) => doc.fact));
    const held = heldSessionsByRelationship(set);
    return [...set.checkIns.values()].filter((checkIn) => isCheckInOverdue(checkIn, set, held)).length;
  }
}
