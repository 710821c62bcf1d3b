import { Injectable } from '@nestjs/common';
import { factKeyOf, recordInFact, type RecordedEvent } from '@tandem/analytics-domain';
import type { EventEnvelope } from '@tandem/events';
import { factDocumentId, type FactDocument } from './fact-document';
import { FactGenerations } from './fact-generations';
import { KeyedLock } from './keyed-lock';

export const recordedOf = (envelope: EventEnvelope): RecordedEvent =>
  ({
    type: envelope.type,
    data: envelope.data,
    at: envelope.metadata.time,
    stream: envelope.metadata.streamId,
    streamVersion: envelope.metadata.streamVersion,
  }) as RecordedEvent;

/**
 * Records one event in its fact: one `_id` read and one `_id` write per event, idempotent (an event
 * already in the history changes nothing) and order-free (the fold is over the sorted history).
 *
 * Filters are pure `_id` equality (the tenant is the `_id`'s first segment): FerretDB pushes only
 * those down, and an extra field in the filter (a revision guard, the tenant) made writes about four
 * times slower. Each fact is one aggregate's, so Kafka hands its events to one consumer at a time;
 * inside a process the live projector and a rebuild take turns through the lock.
 */
@Injectable()
export class FactWriter {
  private readonly lock = new KeyedLock();

  constructor(private readonly generations: FactGenerations) {}

  async record(generation: number, envelope: EventEnvelope): Promise<void> {
    const event = recordedOf(envelope);
    const key = factKeyOf(event);
    if (!key) return;
    const { tenantId } = envelope.metadata;
    const _id = factDocumentId(tenantId, key.kind, key.id);
    const facts = this.generations.collection(generation);
    await this.lock.run(`${generation}/${_id}`, async () => {
      const current = await facts.findOne({ _id });
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
      };
      await facts.replaceOne({ _id }, document, { upsert: true });
    });
  }
}
