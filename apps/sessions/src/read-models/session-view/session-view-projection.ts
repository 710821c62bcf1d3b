import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EventStore } from '@tandem/eventstore';
import type { EventEnvelope } from '@tandem/events';
import { applyAppended, applyOnceMany } from '@tandem/messaging';
import type { Collection } from 'mongodb';
import {
  documentId,
  ReadModels,
  SESSIONS_VIEW,
  type StoredSessionView,
} from '../../infrastructure/read-models';
import { RelationshipKnowledge } from '../../relationships/relationship-knowledge';
import { evolveSessionView } from './evolve-session-view';

export const sessionStream = (sessionId: string) => `session-${sessionId}`;
export const SESSION_STREAM_PREFIX = 'session-';

/** What a command handler already knows when it projects its own append. */
export interface AppendedContext {
  /** The relationship's members as the handler read them for this command. */
  readonly members: readonly string[];
  /** The view as this request read it (its access check), or null for a session just scheduled. */
  readonly current: StoredSessionView | null;
}

/** Every session event names its session and relationship. */
const refOf = (event: EventEnvelope) => event.data as { sessionId: string; relationshipId: string };

/**
 * Applies session events to the session read model once each (per-stream version guard, revision
 * compare-and-set): from the sessions topic, and from the handler right after its append so the
 * caller reads its own write; whichever comes second finds it already applied.
 */
@Injectable()
export class SessionViewProjection implements OnApplicationBootstrap {
  constructor(
    private readonly readModels: ReadModels,
    private readonly knowledge: RelationshipKnowledge,
    private readonly store: EventStore,
  ) {}

  /** The queries: a relationship's sessions, a member's, a program's, and a person's action items. */
  onApplicationBootstrap(): void {
    const views = this.views();
    Promise.all([
      // Lists page by start then id (SessionQueries), so each list's index ends with them.
      views.createIndex({ tenantId: 1, relationshipId: 1, startsAt: 1, sessionId: 1 }),
      views.createIndex({ tenantId: 1, memberIds: 1, startsAt: 1, sessionId: 1 }),
      views.createIndex({ tenantId: 1, programId: 1, startsAt: 1, sessionId: 1 }),
      views.createIndex({ tenantId: 1, 'actionItems.assigneeId': 1 }),
    ]).catch((error: Error) =>
      new Logger('SessionViewProjection').warn(`indexes not created: ${error.message}`),
    );
  }

  /**
   * Events from the sessions topic, in stream order. The handler has usually projected them
   * already, so one read of the views comes first; only events still missing load their
   * relationship's members and are applied.
   */
  async applyDelivered(events: readonly EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    const items = events.map((event) => ({
      documentId: documentId(event.metadata.tenantId, refOf(event).sessionId),
      event,
    }));
    const views = this.views();
    const stored = await views
      .find(
        {
          _id: { $in: [...new Set(items.map((item) => item.documentId))] },
          tenantId: { $in: [...new Set(events.map((event) => event.metadata.tenantId))] },
        },
        { projection: { version: 1 } },
      )
      .toArray();
    // A view is fed by its session's stream only, so its `version` is the last version applied.
    const applied = new Map(stored.map((view) => [view._id, view.version]));
    const missing = items.filter(
      ({ documentId: id, event }) => (applied.get(id) ?? 0) < event.metadata.streamVersion,
    );
    if (missing.length === 0) return;
    const members = await this.membersOf(missing.map(({ event }) => event));
    await applyOnceMany(views, missing, (view, event) =>
      evolveSessionView(members.get(relationshipKeyOf(event)) ?? [])(view, event),
    );
  }

  /**
   * After an append: the new events in one guarded write, preceded by any earlier ones of the
   * stream the view has not applied yet (a previous command that crashed before projecting, whose
   * delivery is still on its way), so no version is skipped. Returns the view as stored.
   */
  async applyAppended(
    tenantId: string,
    sessionId: string,
    appended: readonly EventEnvelope[],
    known: AppendedContext,
  ): Promise<StoredSessionView> {
    const view = await applyAppended(
      this.views(),
      documentId(tenantId, sessionId),
      appended,
      evolveSessionView(known.members),
      {
        current: known.current,
        readStream: async () => (await this.store.readStream(tenantId, sessionStream(sessionId))).events,
      },
    );
    if (!view) throw new Error('a session written by this request is missing');
    return view;
  }

  /** The members of each relationship the events name, by `relationshipKeyOf`: one lookup per relationship. */
  private async membersOf(events: readonly EventEnvelope[]): Promise<Map<string, readonly string[]>> {
    const relationships = new Map(
      events.map((event) => [
        relationshipKeyOf(event),
        { tenantId: event.metadata.tenantId, ...refOf(event) },
      ]),
    );
    const found = await Promise.all(
      [...relationships].map(async ([key, { tenantId, relationshipId }]) => {
        const known = await this.knowledge.find(tenantId, relationshipId);
        return [key, known?.members ?? []] as const;
      }),
    );
    return new Map(found);
  }

  private views(): Collection<StoredSessionView> {
    return this.readModels.raw<StoredSessionView>(SESSIONS_VIEW);
  }
}

const relationshipKeyOf = (event: EventEnvelope) =>
  documentId(event.metadata.tenantId, refOf(event).relationshipId);
