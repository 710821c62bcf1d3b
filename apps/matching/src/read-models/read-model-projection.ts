import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@tandem/events';
import { EventStore } from '@tandem/eventstore';
import { applyAppended, applyOnce, applyOnceMany, type Evolve, type ProjectedDocument } from '@tandem/messaging';
import type { EventSubscriber } from '@tandem/runtime';
import type { Collection, Document } from 'mongodb';
import { documentId, ReadModels, type ReadModelName } from '../infrastructure/read-model-collections';
import { parseStreamId, type AggregateKind } from '../infrastructure/streams';
import { evolveMatchRunView } from './match-run-view';
import { evolveMentorView } from './mentor-view';
import { evolveParticipantView } from './participant-view';
import { evolvePersonView } from './person-view';
import { evolveProgramView } from './program-view';
import { evolveRelationshipView } from './relationship-view';

/** Each aggregate's read model: one document per aggregate, kept by its own evolve. */
const readModelOf: Record<AggregateKind, { name: ReadModelName; evolve: Evolve<Document> }> = {
  program: { name: 'programs', evolve: evolveProgramView as Evolve<Document> },
  participant: { name: 'participants', evolve: evolveParticipantView as Evolve<Document> },
  relationship: { name: 'relationships', evolve: evolveRelationshipView as Evolve<Document> },
  matchRun: { name: 'match_runs', evolve: evolveMatchRunView as Evolve<Document> },
  mentor: { name: 'mentors', evolve: evolveMentorView as Evolve<Document> },
  person: { name: 'people', evolve: evolvePersonView as Evolve<Document> },
};

interface ProjectionTarget {
  readonly name: ReadModelName;
  readonly collection: Collection<ProjectedDocument<Document>>;
  readonly documentId: string;
  readonly evolve: Evolve<Document>;
}

/**
 * Applies the service's own events to its read models with `applyOnce` (a per-stream applied
 * version and a revision compare-and-set), from the topic and, for read-your-writes, from the
 * handler that has just appended them. Whichever comes second finds the events applied.
 */
@Injectable()
export class ReadModelProjection implements EventSubscriber {
  constructor(
    private readonly readModels: ReadModels,
    private readonly store: EventStore,
  ) {}

  /** From the topic: in stream order, so every earlier event of the stream was handled before. */
  async handle(event: EventEnvelope): Promise<void> {
    const target = this.targetOf(event);
    if (target) await applyOnce(target.collection, target.documentId, event, target.evolve);
  }

  /** A fetched batch from the topic: per read model, one read and one guarded bulk write. */
  async handleBatch(events: readonly EventEnvelope[]): Promise<void> {
    const byModel = new Map<
      ReadModelName,
      ProjectionTarget & { items: { documentId: string; event: EventEnvelope }[] }
    >();
    for (const event of events) {
      const target = this.targetOf(event);
      if (!target) continue;
      const group = byModel.get(target.name) ?? { ...target, items: [] };
      group.items.push({ documentId: target.documentId, event });
      byModel.set(target.name, group);
    }
    for (const { collection, items, evolve } of byModel.values())
      await applyOnceMany(collection, items, evolve);
  }

  /**
   * Events a handler has just appended, in one guarded write (`applyAppended`): earlier events of
   * the stream the document has not applied yet (another request still running, or one that died
   * after its append) are read and applied first. `current` is the document as this request read
   * it (null: it cannot exist yet), which saves reading it again. Returns the document as stored.
   */
  async applyAppended<View extends Document>(
    events: readonly EventEnvelope[],
    current?: View | null,
  ): Promise<View | undefined> {
    const [first] = events;
    const target = first && this.targetOf(first);
    if (!first || !target) return undefined;
    const { tenantId, streamId } = first.metadata;
    const stored = await applyAppended(target.collection, target.documentId, events, target.evolve, {
      readStream: async () => (await this.store.readStream(tenantId, streamId)).events,
      ...(current === undefined ? {} : { current: current as ProjectedDocument<Document> | null }),
    });
    return (stored as View | null) ?? undefined;
  }

  private targetOf(event: EventEnvelope): ProjectionTarget | undefined {
    const aggregate = parseStreamId(event.metadata.streamId);
    if (!aggregate) return undefined;
    const { name, evolve } = readModelOf[aggregate.kind];
    return {
      name,
      collection: this.readModels.raw<ProjectedDocument<Document>>(name) as Collection<
        ProjectedDocument<Document>
      >,
      documentId: documentId(event.metadata.tenantId, aggregate.id),
      evolve,
    };
  }
}
