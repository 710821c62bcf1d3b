import { Injectable } from '@nestjs/common';
import { EventStore, handleCommand } from '@tandem/eventstore';
import { goalDecider } from '@tandem/goals-domain';
import { Clock } from '../../infrastructure/clock';
import { documentId, ReadModels, type StoredGoalView } from '../../infrastructure/read-model-collections';
import { streams } from '../../infrastructure/streams';
import { GoalViewProjection } from '../../read-models/goal-view/goal-view-projection';

/** When a relationship ends its open goals are closed (goals.goal.closed), so nothing dangles. */
@Injectable()
export class RelationshipGoalsCloser {
  constructor(
    private readonly readModels: ReadModels,
    private readonly store: EventStore,
    private readonly goals: GoalViewProjection,
    private readonly clock: Clock,
  ) {}

  /** Idempotent: a goal that is no longer open decides nothing. */
  async closeOpenGoals(tenantId: string, relationshipId: string): Promise<void> {
    const open = await this.readModels
      .forTenant(tenantId)
      .goals.find({ relationshipId, status: 'open' })
      .toArray();
    for (const goal of open) await this.close(tenantId, goal);
  }

  /**
   * After setting a goal: if the relationship ended meanwhile, the subscriber may have missed the
   * new goal. Returns the goal's view as it is then.
   */
  async closeIfEnded(
    tenantId: string,
    relationshipId: string,
    goal: StoredGoalView,
  ): Promise<StoredGoalView> {
    const relationship = await this.readModels
      .forTenant(tenantId)
      .relationships.findOne({ _id: documentId(tenantId, relationshipId) });
    return relationship?.status === 'ended' ? this.close(tenantId, goal) : goal;
  }

  /** `goal`: its view as just read, projected onto without reading it again. */
  private async close(tenantId: string, goal: StoredGoalView): Promise<StoredGoalView> {
    const handled = await handleCommand(this.store, goalDecider, {
      tenantId,
      streamId: streams.goal(goal.goalId),
      command: { type: 'close-with-relationship', now: this.clock.now() },
    });
    return (await this.goals.applyAppended(tenantId, goal.goalId, handled.events, goal)) ?? goal;
  }
}
