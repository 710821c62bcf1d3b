import { daysToMs, endOfDay } from '../shared/days';
import type { ExistingGoal } from './goal-state';

export type DerivedGoalStatus =
  'on-track' | 'at-risk' | 'overdue' | 'completed' | 'abandoned' | 'ended-with-relationship';

/**
 * The status rule (documented in apps/goals/README.md):
 * - finished goals keep their outcome (completed, abandoned, ended-with-relationship);
 * - past the end of its due day an open goal is overdue, except while its relationship is paused;
 * - it is at-risk when its progress is more than AT_RISK_LAG_POINTS behind the straight line from
 *   0% when it was set to 100% at the end of its due day, or when it is due within DUE_SOON_DAYS
 *   with less than LITTLE_PROGRESS_PERCENT done (a paused goal past due counts as due soon);
 * - otherwise on-track.
 */
export const AT_RISK_LAG_POINTS = 25;
export const DUE_SOON_DAYS = 7;
export const LITTLE_PROGRESS_PERCENT = 50;

export function progressOf(goal: ExistingGoal): number {
  if (goal.measure.kind === 'metric' || goal.milestones.length === 0) return goal.progress;
  const done = goal.milestones.filter((m) => m.completedAt).length;
  return Math.max(goal.progress, (done / goal.milestones.length) * 100);
}

/** Where the straight line from set to due stands at `now`, 0–100 (undefined for goals set before v2). */
export function expectedProgress(goal: ExistingGoal, now: string): number | undefined {
  if (!goal.setAt) return undefined;
  const start = Date.parse(goal.setAt);
  const span = endOfDay(goal.targetDate) - start;
  if (span <= 0) return 100;
  return Math.min(100, Math.max(0, ((Date.parse(now) - start) / span) * 100));
}

export function deriveGoalStatus(
  goal: ExistingGoal,
  context: { readonly now: string; readonly relationshipPaused: boolean },
): DerivedGoalStatus {
  switch (goal.status) {
    case 'completed':
    case 'abandoned':
    case 'ended-with-relationship':
      return goal.status;
    case 'open':
      return openStatus(goal, context.now, context.relationshipPaused);
    default: {
      const exhaustive: never = goal;
      return exhaustive;
    }
  }
}

function openStatus(goal: ExistingGoal, now: string, paused: boolean): DerivedGoalStatus {
  const nowMs = Date.parse(now);
  const dueEnd = endOfDay(goal.targetDate);
  if (nowMs >= dueEnd && !paused) return 'overdue';
  const progress = progressOf(goal);
  const expected = expectedProgress(goal, now);
  if (expected !== undefined && expected - progress > AT_RISK_LAG_POINTS) return 'at-risk';
  const dueSoon = dueEnd - nowMs <= daysToMs(DUE_SOON_DAYS);
  if (dueSoon && progress < LITTLE_PROGRESS_PERCENT) return 'at-risk';
  return 'on-track';
}
