import { deriveGoalStatus, progressOf, type ExistingGoal } from '@tandem/goals-domain';
import type { GoalAudience } from './goal-access';
import type { GoalView } from '../infrastructure/views';

/**
 * A goal as the API shows it, with its status derived at `now`. Program admins get status and
 * progress figures only: no description, progress notes or revision comments.
 */
export function goalResponse(
  goal: GoalView,
  audience: GoalAudience,
  context: { now: string; relationshipPaused: boolean },
) {
  const figures = {
    goalId: goal.goalId,
    relationshipId: goal.relationshipId,
    programId: goal.programId,
    ownerId: goal.ownerId,
    title: goal.title,
    category: goal.category,
    horizon: goal.horizon,
    measure: goal.measure,
    dueDate: goal.targetDate,
    setAt: goal.setAt,
    state: goal.status,
    status: deriveGoalStatus(goal as unknown as ExistingGoal, context),
    progress: progressOf(goal as unknown as ExistingGoal),
    value: goal.value,
    milestonesCompleted: goal.milestones.filter((m) => m.completedAt).length,
    milestonesTotal: goal.milestones.length,
    revisions: goal.revisions,
    completedAt: goal.completedAt,
    version: goal.version,
    ...(goal.templateId ? { templateId: goal.templateId } : {}),
  };
  if (audience === 'admin') return figures;
  return {
    ...figures,
    description: goal.description,
    milestones: goal.milestones.map((m) => ({ ...m, title: goal.milestoneTitles?.[m.milestoneId] })),
    progressNotes: goal.progressNotes ?? [],
    revisionHistory: goal.revisionHistory ?? [],
    abandonReason: goal.abandonReason,
    closedAt: goal.closedAt,
  };
}
