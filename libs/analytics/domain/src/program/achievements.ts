import type { FactSet } from '../facts/fact-set';
import { mean } from '../shared/statistics';

export type Achievement =
  | {
      readonly kind: 'goal-completed';
      readonly at: string;
      readonly relationshipId: string;
      readonly goalId: string;
    }
  | {
      readonly kind: 'milestone-completed';
      readonly at: string;
      readonly relationshipId: string;
      readonly goalId: string;
      readonly milestoneId: string;
    }
  | { readonly kind: 'relationship-completed'; readonly at: string; readonly relationshipId: string };

/** A relationship "completed well": ended as completed, and its reflections average at least this. */
export const COMPLETED_WELL_RATING = 4;

/** What a program can celebrate, newest first. */
export function achievements(facts: FactSet, programId: string, limit = 50): Achievement[] {
  const items: Achievement[] = [];
  for (const goal of facts.goals) {
    if (goal.programId !== programId) continue;
    const { relationshipId, goalId } = goal;
    if (goal.completedAt !== null)
      items.push({ kind: 'goal-completed', at: goal.completedAt, relationshipId, goalId });
    for (const m of goal.milestonesCompleted)
      items.push({
        kind: 'milestone-completed',
        at: m.at,
        relationshipId,
        goalId,
        milestoneId: m.milestoneId,
      });
  }
  for (const r of facts.relationships.values()) {
    const completedWell =
      r.programId === programId &&
      r.status === 'ended' &&
      r.endReason === 'completed' &&
      (mean(r.reflectionRatings) ?? 0) >= COMPLETED_WELL_RATING;
    if (completedWell && r.endedAt !== null)
      items.push({ kind: 'relationship-completed', at: r.endedAt, relationshipId: r.relationshipId });
  }
  return items
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || a.kind.localeCompare(b.kind))
    .slice(0, limit);
}
