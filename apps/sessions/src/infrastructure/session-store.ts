import { Injectable } from '@nestjs/common';
import { EventStore, handleCommand, type HandledCommand } from '@tandem/eventstore';
import type { TandemEvent } from '@tandem/events';
import { saveSnapshotIfNewer } from '@tandem/messaging';
import { sessionDecider, type SessionCommand, type SessionState } from '@tandem/sessions-domain';
import type { Document } from 'mongodb';
import { RelationshipKnowledge } from '../relationships/relationship-knowledge';
import { documentId, ReadModels } from './read-models';

export const sessionStream = (sessionId: string) => `session-${sessionId}`;
export const SESSION_STREAM_PREFIX = 'session-';

/**
 * Runs session commands (read → fold → decide → append at the read version) and brings the
 * session's read model up to date at once, for read-your-writes. The projector does the same from
 * Kafka, so a crash between append and projection still converges.
 */
@Injectable()
export class SessionStore {
  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModels,
    private readonly knowledge: RelationshipKnowledge,
  ) {}

  async execute(
    tenantId: string,
    sessionId: string,
    command: SessionCommand,
    expectedVersion?: number,
  ): Promise<HandledCommand<SessionState>> {
    const handled = await handleCommand(this.store, sessionDecider, {
      tenantId,
      streamId: sessionStream(sessionId),
      command,
      expectedVersion,
    });
    if (handled.events.length > 0) await this.project(tenantId, handled.state, handled.version);
    return handled;
  }

  /** Re-folds the stream and saves its snapshot (the projector, and rebuilds). */
  async refresh(tenantId: string, sessionId: string): Promise<void> {
    const stream = await this.store.readStream(tenantId, sessionStream(sessionId));
    const state = stream.events.reduce(
      (s, e) => sessionDecider.evolve(s, e as unknown as TandemEvent),
      sessionDecider.initialState(),
    );
    await this.project(tenantId, state, stream.version);
  }

  private async project(tenantId: string, state: SessionState, version: number): Promise<void> {
    if (state.status === 'none' || version === 0) return;
    const known = await this.knowledge.find(tenantId, state.relationshipId);
    const fields: Document = {
      ...state,
      actionItems: [...state.actionItems],
      memberIds: known?.members ?? [],
      tenantId,
    };
    await saveSnapshotIfNewer(
      this.readModels.raw('sessions'),
      documentId(tenantId, state.sessionId),
      version,
      fields,
    );
    await this.projectActionItems(tenantId, state);
  }

  /** Assignee, due date and completion of each action item beside its text (written by the handler). */
  private async projectActionItems(
    tenantId: string,
    state: Exclude<SessionState, { status: 'none' }>,
  ): Promise<void> {
    const actionItems = this.readModels.forTenant(tenantId).actionItems;
    for (const item of state.actionItems) {
      const fields = {
        actionItemId: item.actionItemId,
        sessionId: state.sessionId,
        relationshipId: state.relationshipId,
        assigneeId: item.assigneeId,
      };
      const set = {
        ...fields,
        ...(item.dueOn ? { dueOn: item.dueOn } : {}),
        ...(item.completedAt ? { completedAt: item.completedAt } : {}),
      };
      const write = () =>
        actionItems.updateOne(
          { _id: documentId(tenantId, item.actionItemId) },
          { $set: set },
          { upsert: true },
        );
      await write().catch(async (error: { code?: unknown }) => {
        if (error.code !== 11000) throw error;
        await write();
      });
    }
  }
}
