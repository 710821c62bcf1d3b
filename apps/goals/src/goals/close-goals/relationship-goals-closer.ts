import { Injectable } from '@nestjs/common';
import { AggregateStore } from '../../infrastructure/aggregate-store';
import { Clock } from '../../infrastructure/clock';
import { ReadModels } from '../../infrastructure/read-model-collections';

/** When a relationship ends its open goals are closed (goals.goal.closed), so nothing dangles. */
@Injectable()
export class RelationshipGoalsCloser {
  constructor(
    private readonly readModels: ReadModels,
    private readonly aggregates: AggregateStore,
    private readonly clock: Clock,
  ) {}

  /** Idempotent: a goal that is no longer open decides nothing. */
  async closeOpenGoals(tenantId: string, relationshipId: string): Promise<void> {
    const open = await this.readModels
      .forTenant(tenantId)
      .goals.find({ relationshipId, status: 'open' })
      .toArray();
    for (const goal of open) {
      await this.aggregates.execute('goal', {
        tenantId,
        id: goal.goalId,
        command: { type: 'close-with-relationship', now: this.clock.now() },
      });
    }
  }

  /** After setting a goal: if the relationship ended meanwhile, the subscriber may have missed the new goal. */
  async closeIfEnded(tenantId: string, relationshipId: string, goalId: string): Promise<boolean> {
    const relationship = await this.readModels.forTenant(tenantId).relationships.findOne({ relationshipId });
    if (relationship?.status !== 'ended') return false;
    await this.aggregates.execute('goal', {
      tenantId,
      id: goalId,
      command: { type: 'close-with-relationship', now: this.clock.now() },
    });
    return true;
  }
}
