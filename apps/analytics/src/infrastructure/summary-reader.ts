import { Injectable } from '@nestjs/common';
import {
  factSetOf,
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
 * A program's current summary from its rollup shards (a handful of documents, however many facts),
 * plus the overdue check-ins, which join three kinds of facts: read through the index, few of them.
 * Answers undefined when the active generation keeps no rollups (filled before they existed).
 */
@Injectable()
export class SummaryReader {
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
