import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EventStore } from '@tandem/eventstore';
import type { EventEnvelope } from '@tandem/events';
import { applyOnce } from '@tandem/messaging';
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
    const views = this.readModels.raw(SESSIONS_VIEW);
    Promise.all([
      views.createIndex({ tenantId: 1, relationshipId: 1 }),
      views.createIndex({ tenantId: 1, memberIds: 1 }),
      views.createIndex({ tenantId: 1, programId: 1 }),
      views.createIndex({ tenantId: 1, 'actionItems.assigneeId': 1 }),
    ]).catch((error: Error) =>
      new Logger('SessionViewProjection').warn(`indexes not created: ${error.message}`),
    );
  }

  async apply(event: EventEnvelope): Promise<void> {
    const { tenantId } = event.metadata;
    const { sessionId, relationshipId } = event.data as { sessionId: string; relationshipId: string };
    const known = await this.knowledge.find(tenantId, relationshipId);
    await applyOnce(
      this.readModels.raw<StoredSessionView>(SESSIONS_VIEW),
      documentId(tenantId, sessionId),
      event,
      evolveSessionView(known?.members ?? []),
    );
  }

  /**
   * After an append: the new events, preceded by any earlier ones of the stream the view has not
   * applied yet (a previous command that crashed before projecting, whose delivery is still on its
   * way), so no version is skipped.
   */
  async applyAppended(
    tenantId: string,
    sessionId: string,
    appended: readonly EventEnvelope[],
  ): Promise<void> {
    const first = appended[0];
    if (!first) return;
    const view = await this.readModels
      .forTenant(tenantId)
      .sessions.findOne({ _id: documentId(tenantId, sessionId) });
    const applied = view?.version ?? 0;
    const missing =
      first.metadata.streamVersion - 1 > applied
        ? (await this.store.readStream(tenantId, sessionStream(sessionId))).events.filter(
            (e) =>
              e.metadata.streamVersion > applied && e.metadata.streamVersion < first.metadata.streamVersion,
          )
        : [];
    for (const event of [...missing, ...appended]) await this.apply(event);
  }
}
