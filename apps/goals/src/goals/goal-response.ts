import { deriveGoalStatus, progressOf } from '@tandem/goals-domain';
import type { GoalTextsView, GoalView } from '../infrastructure/views';
import type { GoalAudience } from './goal-access';
import { joinGoalTexts } from './goal-texts';

/**
 * A goal as the API shows it, with its status derived at `now`. Program admins get status and
 * progress figures only: no description, progress notes or revision comments.
 */
export function goalResponse(
  goal: GoalView,
  texts: GoalTextsView | null | undefined,
  audience: GoalAudience,
  context: { now: string; relationshipPaused: boolean },
) {
  const joined = joinGoalTexts(goal, texts);
  const figures = {
    goalId: goal.goalId,
    relationshipId: goal.relationshipId,
    programId: goal.programId,
    ownerId: goal.ownerId,
    title: joined.title,
    category: goal.category,
    horizon: goal.horizon,
    measure: goal.measure,
    dueDate: goal.targetDate,
    setAt: goal.setAt,
    state: goal.status,
    status: deriveGoalStatus(goal, context),
    progress: progressOf(goal),
    value: goal.value,
    milestonesCompleted: goal.milestones.filter((m) => m.completedAt).length,
    milestonesTotal: goal.milestones.length,
    revisions: goal.revisions,
    completedAt: goal.status === 'completed' ? goal.completedAt : undefined,
    version: goal.version,
    ...(goal.templateId ? { templateId: goal.templateId } : {}),
  };
  if (audience === 'admin') return figures;
  return {
    ...figures,
    description: joined.description,
    milestones: joined.milestones,
    progressNotes: joined.progressNotes,
    revisionHistory: joined.revisionHistory,
    abandonReason: goal.status === 'abandoned' ? goal.abandonReason : undefined,
    closedAt: goal.status === 'ended-with-relationship' ? goal.closedAt : undefined,
  };
}
