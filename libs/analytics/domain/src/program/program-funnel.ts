import { heldSessionsByRelationship, type FactSet } from '../facts/fact-set';
import type { RelationshipFact } from '../facts/fact-types';
import { daysBetween } from '../shared/time';
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

type StepTimes = (string | null)[];

const earliest = (instants: readonly (string | null)[]): string | null =>
  instants.reduce<string | null>(
    (first, at) => (at !== null && (first === null || Date.parse(at) < Date.parse(first)) ? at : first),
    null,
  );

/** Mentees through the program's steps; each mentee counts once, at the earliest time they reached a step. */
export function programFunnel(facts: FactSet, programId: string): ProgramFunnel {
  const relationships = [...facts.relationships.values()].filter((r) => r.programId === programId);
  const heldByRelationship = heldSessionsByRelationship(facts);
  const completedGoalsAt = new Map<string, string[]>();
  for (const goal of facts.goals) {
    if (goal.programId !== programId || goal.completedAt === null) continue;
    const list = completedGoalsAt.get(goal.relationshipId) ?? [];
    list.push(goal.completedAt);
    completedGoalsAt.set(goal.relationshipId, list);
  }
  const mentees = facts.participants.filter(
    (p) => p.programId === programId && p.roles.includes('mentee') && p.userId !== null,
  );
  const journeys: StepTimes[] = mentees.map((mentee) => {
    const own = relationships.filter((r) => r.menteeIds.includes(mentee.userId as string));
    const started = own.filter((r) => r.startedAt !== null);
    return [
      mentee.enrolledAt,
      earliest(own.flatMap((r) => [r.proposedAt, r.startedAt])),
      earliest(started.map((r) => r.startedAt)),
      earliest(started.map((r) => heldByRelationship.get(r.relationshipId)?.[0]?.heldAt ?? null)),
      earliest(started.flatMap((r) => completedGoalsAt.get(r.relationshipId) ?? [])),
      earliest(started.filter(completed).map((r) => r.endedAt)),
    ];
  });
  const stages = FUNNEL_STEPS.map((step, index): FunnelStage => {
    const reached = journeys.filter((times) => times.slice(0, index + 1).every((at) => at !== null));
    const days =
      index === 0 ? [] : reached.map((times) => daysBetween(times[index - 1] ?? '', times[index] ?? ''));
    return { step, count: reached.length, medianDaysFromPrevious: rounded(median(days), 2) };
  });
  return { programId, stages };
}

const completed = (relationship: RelationshipFact) =>
  relationship.status === 'ended' && relationship.endReason === 'completed';
