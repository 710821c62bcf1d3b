import { Injectable } from '@nestjs/common';
import { factKeyOf, recordInFact, summaryDeltaOf, type RecordedEvent } from '@tandem/analytics-domain';
import type { EventEnvelope } from '@tandem/events';
import type { AnyBulkWriteOperation, ClientSession } from 'mongodb';
import { factDocumentId, type FactDocument } from './fact-document';
import { FactGenerations } from './fact-generations';
import { moveJourneys } from './journey-moves';
import { addDelta, applyDeltas, type ProgramDelta } from './rollup-deltas';

export const recordedOf = (envelope: EventEnvelope): RecordedEvent =>
  ({
    type: envelope.type,
    data: envelope.data,
    at: envelope.metadata.time,
    stream: envelope.metadata.streamId,
    streamVersion: envelope.metadata.streamVersion,
  }) as RecordedEvent;

const conflictBackoff = (run: number) =>
  new Promise((resolve) =>
    setTimeout(resolve, Math.min(1000, 5 * 2 ** Math.min(run, 10)) * (0.5 + Math.random())),
  );

/** A fact changed between this write's read and its write (outside any transaction): read again. */
class FactMovedError extends Error {}

/**
 * Lost to a concurrent writer in a way the driver does not run again by itself: a fact moved, or
 * another transaction inserted first what this one meant to insert (a fact, a rollup shard, a
 * mentee's count). The next attempt reads what the winner wrote.
 */
const lostRace = (error: unknown) =>
  error instanceof FactMovedError || (error as { code?: unknown }).code === 11000;

/**
 * Records events in their facts and moves the program rollups by what those facts' changes
 * contribute, all in one transaction per call: idempotent (an event already in its fact's history
 * changes nothing, so moves nothing) and order-free (the fold is over the sorted history, the
 * rollup a sum of contributions). Concurrent writers of a fact (the live projector and a rebuild,
 * two replicas during a rebalance) conflict in the database and the driver runs the loser again;
 * the fact's revision guard stays for writers outside a transaction.
 */
@Injectable()
export class FactWriter {
  constructor(private readonly generations: FactGenerations) {}

  record(generation: number, envelope: EventEnvelope): Promise<void> {
    return this.recordMany(generation, [envelope]);
  }

  /** A consumer's batch: one read of every fact it touches, one bulk write, the rollups' moves. */
  async recordMany(generation: number, envelopes: readonly EventEnvelope[], maxAttempts = 20): Promise<void> {
    const items = envelopes.flatMap((envelope) => {
      const event = recordedOf(envelope);
      const key = factKeyOf(event);
      if (!key) return [];
      const { tenantId } = envelope.metadata;
      return [{ event, key, tenantId, _id: factDocumentId(tenantId, key.kind, key.id) }];
    });
    if (items.length === 0) return;
    const rolledUp = await this.generations.isRolledUp(generation);
    const session = this.generations.startSession();
    try {
      for (let attempt = 1; ; attempt += 1) {
        try {
          let runs = 0;
          await session.withTransaction(async () => {
            // The driver runs a conflicting transaction again at once; a conflict with a writer that
            // died mid-transaction lasts until the server drops it: wait longer each time.
            if ((runs += 1) > 1) await conflictBackoff(runs);
            await this.write(generation, items, rolledUp, session);
          });
          return;
        } catch (error) {
          if (!lostRace(error) || attempt >= maxAttempts) throw error;
          await conflictBackoff(attempt);
        }
      }
    } finally {
      await session.endSession();
    }
  }

  private async write(
    generation: number,
    items: readonly {
      event: RecordedEvent;
      key: NonNullable<ReturnType<typeof factKeyOf>>;
      tenantId: string;
      _id: string;
    }[],
    rolledUp: boolean,
    session: ClientSession,
  ): Promise<void> {
    const facts = this.generations.collection(generation);
    // Each _id starts with its tenant, so this read stays within the events' own tenants.
    const found = await facts
      .find({ _id: { $in: [...new Set(items.map((item) => item._id))] } }, { session })
      .toArray();
    const stored = new Map(found.map((doc) => [doc._id, doc]));
    const next = new Map<string, FactDocument>();
    for (const { event, key, tenantId, _id } of items) {
      const current = next.get(_id) ?? stored.get(_id);
      const recorded = recordInFact(
        current ? { key, history: current.history, fact: current.fact } : undefined,
        event,
      );
      if (recorded === 'unchanged') continue;
      next.set(_id, {
        _id,
        tenantId,
        kind: key.kind,
        factId: key.id,
        programId: key.programId,
        history: [...recorded.history],
        fact: recorded.fact,
        revision: (stored.get(_id)?.revision ?? 0) + 1,
      });
    }
    if (next.size === 0) return;
    const writes = [...next.values()].map((document): AnyBulkWriteOperation<FactDocument> => {
      const before = stored.get(document._id);
      return before
        ? {
            replaceOne: {
              filter: { _id: document._id, tenantId: document.tenantId, revision: before.revision },
              replacement: document,
            },
          }
        : { insertOne: { document } };
    });
    const result = await facts.bulkWrite(writes, { ordered: true, session });
    if (result.insertedCount + result.matchedCount < writes.length) throw new FactMovedError();
    if (!rolledUp) return;
    const totals = new Map<string, ProgramDelta>();
    for (const document of next.values())
      addDelta(
        totals,
        document.tenantId,
        document.programId,
        summaryDeltaOf(stored.get(document._id)?.fact, document.fact),
      );
    await applyDeltas(this.generations, generation, totals, session);
    await moveJourneys(
      this.generations,
      generation,
      [...next.values()].map((document) => ({
        tenantId: document.tenantId,
        programId: document.programId,
        before: stored.get(document._id)?.fact,
        after: document.fact,
      })),
      session,
    );
  }
}
