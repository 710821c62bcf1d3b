import { Injectable } from '@nestjs/common';
import { factKeyOf, recordInFact, type RecordedEvent } from '@tandem/analytics-domain';
import type { EventEnvelope } from '@tandem/events';
import { MongoBulkWriteError, type AnyBulkWriteOperation, type Collection } from 'mongodb';
import { factDocumentId, type FactDocument } from './fact-document';
import { FactGenerations } from './fact-generations';

export const recordedOf = (envelope: EventEnvelope): RecordedEvent =>
  ({
    type: envelope.type,
    data: envelope.data,
    at: envelope.metadata.time,
    stream: envelope.metadata.streamId,
    streamVersion: envelope.metadata.streamVersion,
  }) as RecordedEvent;

/**
 * Records one event in its fact: one read and one guarded write per event, idempotent (an event
 * already in the history changes nothing) and order-free (the fold is over the sorted history).
 * The write is a compare-and-set on the fact's revision, so the live projector and a rebuild (or
 * two replicas during a rebalance) never overwrite each other; the loser re-reads and retries.
 */
@Injectable()
export class FactWriter {
  constructor(private readonly generations: FactGenerations) {}

  async record(generation: number, envelope: EventEnvelope, maxAttempts = 20): Promise<void> {
    const event = recordedOf(envelope);
    const key = factKeyOf(event);
    if (!key) return;
    const { tenantId } = envelope.metadata;
    const _id = factDocumentId(tenantId, key.kind, key.id);
    const facts = this.generations.collection(generation);
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      const current = await facts.findOne({ _id, tenantId });
      const next = recordInFact(
        current ? { key, history: current.history, fact: current.fact } : undefined,
        event,
      );
      if (next === 'unchanged') return;
      const document: FactDocument = {
        _id,
        tenantId,
        kind: key.kind,
        factId: key.id,
        programId: key.programId,
        history: [...next.history],
        fact: next.fact,
        revision: (current?.revision ?? 0) + 1,
      };
      if (await this.write(facts, document, current?.revision)) return;
    }
    throw new Error(`fact ${_id} kept changing under ${maxAttempts} attempts`);
  }

  /**
   * `record` for a consumer's batch: one read of every fact it touches and one unordered bulk
   * write, with the same revision guards. Should any write lose its race, every event goes
   * through `record`, which finds what this call did record already unchanged.
   */
  async recordMany(generation: number, envelopes: readonly EventEnvelope[]): Promise<void> {
    const items = envelopes.flatMap((envelope) => {
      const event = recordedOf(envelope);
      const key = factKeyOf(event);
      if (!key) return [];
      const { tenantId } = envelope.metadata;
      return [{ envelope, event, key, tenantId, _id: factDocumentId(tenantId, key.kind, key.id) }];
    });
    if (items.length === 0) return;
    const facts = this.generations.collection(generation);
    // Each _id starts with its tenant, so this read stays within the events' own tenants.
    const found = await facts.find({ _id: { $in: [...new Set(items.map((item) => item._id))] } }).toArray();
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
    let written = 0;
    try {
      const result = await facts.bulkWrite(writes, { ordered: false });
      written = result.insertedCount + result.matchedCount;
    } catch (error) {
      const writeErrors = error instanceof MongoBulkWriteError ? [error.writeErrors].flat() : [];
      if (writeErrors.length === 0 || writeErrors.some((e) => e.code !== 11000)) throw error;
    }
    if (written < writes.length) for (const { envelope } of items) await this.record(generation, envelope);
  }

  private async write(
    facts: Collection<FactDocument>,
    document: FactDocument,
    expectedRevision: number | undefined,
  ): Promise<boolean> {
    if (expectedRevision === undefined) {
      try {
        await facts.insertOne(document);
        return true;
      } catch (error) {
        if ((error as { code?: unknown }).code === 11000) return false;
        throw error;
      }
    }
    const { _id, tenantId } = document;
    return (
      (await facts.replaceOne({ _id, tenantId, revision: expectedRevision }, document)).matchedCount === 1
    );
  }
}
