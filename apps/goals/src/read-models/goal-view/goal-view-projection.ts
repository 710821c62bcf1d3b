import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EventStore } from '@tandem/eventstore';
import type { EventEnvelope } from '@tandem/events';
import { applyAppended, applyOnce, type ProjectedDocument } from '@tandem/messaging';
import {
  collections,
  documentId,
  ReadModels,
  type StoredGoalView,
} from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import type { GoalView } from '../../infrastructure/views';
import { evolveGoalView } from './evolve-goal-view';

/**
 * Applies goal events to the goal read model once each (per-stream version guard, revision
 * compare-and-set): from the goals topic, and from the handler right after its append so the
 * caller reads its own write; whichever comes second finds it already applied.
 */
@Injectable()
export class GoalViewProjection implements OnApplicationBootstrap {
  constructor(
    private readonly readModels: ReadModels,
    private readonly store: EventStore,
  ) {}

  /**
   * The listings' queries: goals by relationship and by program, templates by program, and the
   * relationships a person is in (a member's own goals and templates), within a tenant.
   */
  onApplicationBootstrap(): void {
    const views = this.readModels.raw(collections.goals);
    const relationships = this.readModels.raw(collections.relationships);
    Promise.all([
      views.createIndex({ tenantId: 1, relationshipId: 1 }),
      views.createIndex({ tenantId: 1, programId: 1 }),
      this.readModels.raw(collections.templates).createIndex({ tenantId: 1, programId: 1 }),
      relationships.createIndex({ tenantId: 1, mentorIds: 1, programId: 1 }),
      relationships.createIndex({ tenantId: 1, menteeIds: 1, programId: 1 }),
      relationships.createIndex({ tenantId: 1, relationshipId: 1 }),
    ]).catch((error: Error) =>
      new Logger('GoalViewProjection').warn(`indexes not created: ${error.message}`),
    );
  }

  async apply(event: EventEnvelope): Promise<void> {
    const { goalId } = event.data as { goalId: string };
    await applyOnce(
      this.readModels.raw<ProjectedDocument<GoalView>>(collections.goals),
      documentId(event.metadata.tenantId, goalId),
      event,
      evolveGoalView,
    );
  }

  /**
   * After an append: the new events, preceded by any earlier ones of the stream the view has not
   * applied yet (a previous command that crashed before projecting, whose delivery is still on
   * its way), so no version is skipped. `current` is the view as this request read it (null: the
   * goal is new), which saves reading it again. Returns the view as stored; undefined only if
   * nothing was appended to a goal that has no view.
   */
  async applyAppended(
    tenantId: string,
    goalId: string,
    appended: readonly EventEnvelope[],
    current?: StoredGoalView | null,
  ): Promise<StoredGoalView | undefined> {
    const stored = await applyAppended(
      this.readModels.raw<StoredGoalView>(collections.goals),
      documentId(tenantId, goalId),
      appended,
      evolveGoalView,
      {
        readStream: async () => (await this.store.readStream(tenantId, streams.goal(goalId))).events,
        ...(current === undefined ? {} : { current }),
      },
    );
    return stored ?? undefined;
  }
}
