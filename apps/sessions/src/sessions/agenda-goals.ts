import { queryOperator } from '@tandem/auth';
import { DomainError } from '@tandem/kernel';
import type { TenantReadModels } from '../infrastructure/read-models';

/** Agenda items may link goals, but only goals of the session's own relationship (known from goals events). */
export async function requireOwnGoals(
  models: TenantReadModels,
  relationshipId: string,
  items: readonly { goalId?: string }[],
): Promise<void> {
  const goalIds = [...new Set(items.flatMap((item) => (item.goalId ? [item.goalId] : [])))];
  if (goalIds.length === 0) return;
  const known = await models.goals.countDocuments({
    goalId: queryOperator({ $in: goalIds }),
    relationshipId,
  });
  if (known !== goalIds.length)
    throw new DomainError('unknown-goal', 'Agenda items can only link goals of this relationship', 'invalid');
}
