import { Injectable } from '@nestjs/common';
import { EventStore, handleCommand } from '@tandem/eventstore';
import { goalDecider } from '@tandem/goals-domain';
import { Clock } from '../../infrastructure/clock';
import { ReadModels } from '../../infrastructure/read-model-collections';
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
    for (const goal of open) await this.close(tenantId, goal.goalId);
  }

  /** After setting a goal: if the relationship ended meanwhile, the subscriber may have missed the new goal. */
  async closeIfEnded(tenantId: string, relationshipId: string, goalId: string): Promise<boolean> {
    const relationship = await this.readModels.forTenant(tenantId).relationships.findOne({ relationshipId });
    if (relationship?.status !== 'ended') return false;
    await this.close(tenantId, goalId);
    return true;
  }

  private async close(tenantId: string, goalId: string): Promise<void> {
    const handled = await handleCommand(this.store, goalDecider, {
      tenantId,
      streamId: streams.goal(goalId),
      command: { type: 'close-with-relationship', now: this.clock.now() },
    });
    await this.goals.applyAppended(tenantId, goalId, handled.events);
  }
}
