import { matchedChange, type SummaryCounter, type SummaryDelta } from '@tandem/analytics-domain';
import type { AnyBulkWriteOperation, ClientSession } from 'mongodb';
import type { FactGenerations } from './fact-generations';
import {
  menteeMatchId,
  ROLLUP_SHARDS,
  rollupDocumentId,
  type MenteeMatchDocument,
  type RollupDocument,
} from './rollup-documents';

/** The summed deltas of one program within one write. */
export interface ProgramDelta {
  readonly tenantId: string;
  readonly programId: string;
  readonly counters: Partial<Record<SummaryCounter, number>>;
  readonly mentees: Map<string, number>;
}

/** Adds a fact's delta to its program's running total for this write. */
export function addDelta(
  totals: Map<string, ProgramDelta>,
  tenantId: string,
  programId: string,
  delta: SummaryDelta,
) {
  const key = `${tenantId}/${programId}`;
  const total = totals.get(key) ?? { tenantId, programId, counters: {}, mentees: new Map<string, number>() };
  for (const [counter, change] of Object.entries(delta.counters) as [SummaryCounter, number][])
    total.counters[counter] = (total.counters[counter] ?? 0) + change;
  for (const [mentee, change] of delta.mentees)
    total.mentees.set(mentee, (total.mentees.get(mentee) ?? 0) + change);
  totals.set(key, total);
}

/**
 * Moves the rollups by the deltas, inside the transaction that writes the facts they come from:
 * both are written or neither, so a redelivered event (its fact unchanged) moves nothing twice.
 * A mentee's count is read in the transaction; a concurrent change of it is a write conflict,
 * which the driver's transaction retry runs again.
 */
export async function applyDeltas(
  generations: FactGenerations,
  generation: number,
  totals: ReadonlyMap<string, ProgramDelta>,
  session: ClientSession,
): Promise<void> {
  const matchedChanges = await moveMenteeCounts(generations, generation, totals, session);
  const shard = Math.floor(Math.random() * ROLLUP_SHARDS);
  const writes: AnyBulkWriteOperation<RollupDocument>[] = [];
  for (const [key, { tenantId, programId, counters }] of totals) {
    const increments: Record<string, number> = {};
    for (const [counter, change] of Object.entries(counters))
      if (change !== 0) increments[`counters.${counter}`] = change;
    const matched = matchedChanges.get(key) ?? 0;
    if (matched !== 0) increments['matchedMentees'] = matched;
    if (Object.keys(increments).length === 0) continue;
    writes.push({
      updateOne: {
        filter: { _id: rollupDocumentId(tenantId, programId, shard) },
        update: { $inc: increments, $setOnInsert: { tenantId, programId } },
        upsert: true,
      },
    });
  }
  if (writes.length > 0) await generations.rollups(generation).bulkWrite(writes, { session, ordered: true });
}

/** Changes each mentee's count and returns, per program, how the number of matched mentees moves. */
async function moveMenteeCounts(
  generations: FactGenerations,
  generation: number,
  totals: ReadonlyMap<string, ProgramDelta>,
  session: ClientSession,
): Promise<Map<string, number>> {
  const changes = [...totals].flatMap(([key, { tenantId, programId, mentees }]) =>
    [...mentees]
      .filter(([, change]) => change !== 0)
      .map(([mentee, change]) => ({ key, _id: menteeMatchId(tenantId, programId, mentee), change })),
  );
  const matched = new Map<string, number>();
  if (changes.length === 0) return matched;
  const collection = generations.menteeMatches(generation);
  const stored = await collection.find({ _id: { $in: changes.map((c) => c._id) } }, { session }).toArray();
  const before = new Map(stored.map((doc) => [doc._id, doc.relationships]));
  const writes: AnyBulkWriteOperation<MenteeMatchDocument>[] = changes.map(({ _id, change }) => ({
    updateOne: { filter: { _id }, update: { $inc: { relationships: change } }, upsert: true },
  }));
  await collection.bulkWrite(writes, { session, ordered: true });
  for (const { key, _id, change } of changes)
    matched.set(key, (matched.get(key) ?? 0) + matchedChange(before.get(_id) ?? 0, change));
  return matched;
}
