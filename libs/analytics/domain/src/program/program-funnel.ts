import { heldSessionsByRelationship, type FactSet } from '../facts/fact-set';
import type { RelationshipFact } from '../facts/fact-types';
import { DAY_MS } from '../shared/time';
import { median, rounded } from '../shared/statistics';

export const FUNNEL_STEPS = [
  'enrolled',
  'matched',
  'relationship-started',
  'first-session-held',
  'first-goal-completed',
  'relationship-completed',
] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

export interface FunnelStage {
  readonly step: FunnelStep;
  /** Mentees who reached this step and every step before it. */
  readonly count: number;
  /** Median days from the previous step to this one, over those mentees; null for the first step or none. */
  readonly medianDaysFromPrevious: number | null;
}

export interface ProgramFunnel {
  readonly programId: string;
  readonly stages: readonly FunnelStage[];
}

/** When a mentee reached each step (null: not yet), in the order of FUNNEL_STEPS. */
export type Journey = readonly (string | null)[];

/** What one relationship tells about its mentees' journeys. */
export interface RelationshipProgress {
  readonly proposedAt: string | null;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  /** Ended as completed. */
  readonly completed: boolean;
  readonly firstHeldAt: string | null;
  readonly firstGoalCompletedAt: string | null;
}

/** The earliest of the instants (each parsed once: a funnel folds thousands of journeys). */
function earliest(instants: readonly (string | null)[]): string | null {
  let first: string | null = null;
  let firstMs = Infinity;
  for (const at of instants) {
    if (at === null) continue;
    const ms = Date.parse(at);
    if (first === null || ms < firstMs) [first, firstMs] = [at, ms];
  }
  return first;
}

export function relationshipProgressOf(
  relationship: RelationshipFact,
  heldAt: readonly string[],
  goalsCompletedAt: readonly string[],
): RelationshipProgress {
  return {
    proposedAt: relationship.proposedAt,
    startedAt: relationship.startedAt,
    endedAt: relationship.endedAt,
    completed: relationship.status === 'ended' && relationship.endReason === 'completed',
    firstHeldAt: earliest(heldAt),
    firstGoalCompletedAt: earliest(goalsCompletedAt),
  };
}

/** A mentee's journey from their enrolment and their relationships; each step at its earliest. */
export function journeyOf(
  enrolledAt: string | null,
  relationships: readonly RelationshipProgress[],
): Journey {
  const started = relationships.filter((r) => r.startedAt !== null);
  return [
    enrolledAt,
    earliest(relationships.flatMap((r) => [r.proposedAt, r.startedAt])),
    earliest(started.map((r) => r.startedAt)),
    earliest(started.map((r) => r.firstHeldAt)),
    earliest(started.map((r) => r.firstGoalCompletedAt)),
    earliest(started.filter((r) => r.completed).map((r) => r.endedAt)),
  ];
}

/** Stages from the mentees' journeys (in any order). */
export function funnelOfJourneys(programId: string, journeys: readonly Journey[]): ProgramFunnel {
  // Each instant parsed once; the mentees who reached a step are those of the step before who reached it too.
  let reached = journeys.map((times) => times.map((at) => (at === null ? null : Date.parse(at))));
  const stages = FUNNEL_STEPS.map((step, index): FunnelStage => {
    reached = reached.filter((times) => times[index] !== null);
    const days =
      index === 0 ? [] : reached.map((times) => ((times[index] ?? 0) - (times[index - 1] ?? 0)) / DAY_MS);
    return { step, count: reached.length, medianDaysFromPrevious: rounded(median(days), 2) };
  });
  return { programId, stages };
}

/** Mentees through the program's steps; each mentee counts once, at the earliest time they reached a step. */
export function programFunnel(facts: FactSet, programId: string): ProgramFunnel {
  const heldByRelationship = heldSessionsByRelationship(facts);
  const completedGoalsAt = new Map<string, string[]>();
  for (const goal of facts.goals) {
    if (goal.programId !== programId || goal.completedAt === null) continue;
    const list = completedGoalsAt.get(goal.relationshipId) ?? [];
    list.push(goal.completedAt);
    completedGoalsAt.set(goal.relationshipId, list);
  }
  const progress = [...facts.relationships.values()]
    .filter((r) => r.programId === programId)
    .map((r) => ({
      menteeIds: r.menteeIds,
      progress: relationshipProgressOf(
        r,
        (heldByRelationship.get(r.relationshipId) ?? []).map((s) => s.heldAt),
        completedGoalsAt.get(r.relationshipId) ?? [],
      ),
    }));
  const journeys = facts.participants
    .filter((p) => p.programId === programId && p.roles.includes('mentee') && p.userId !== null)
    .map((mentee) =>
      journeyOf(
        mentee.enrolledAt,
        progress.filter((r) => r.menteeIds.includes(mentee.userId as string)).map((r) => r.progress),
      ),
    );
  return funnelOfJourneys(programId, journeys);
}
