import { heldSessionsByRelationship, type FactSet, type HeldSession } from '../facts/fact-set';
import type { RelationshipFact } from '../facts/fact-types';
import { mean, rounded } from '../shared/statistics';
import { addDays, dayOf, daysBetween } from '../shared/time';
import { isCheckInOverdue } from './program-summary';
import { fadedRelationships, type FizzleDetail } from './relationship-fizzle';

export type RiskReason =
  | 'no-session-within-cadence'
  | 'check-in-overdue'
  | 'low-ratings'
  | 'overdue-goals'
  | 'proposal-unanswered'
  | 'faded-after-strong-start';

export interface RelationshipAtRisk {
  readonly relationshipId: string;
  readonly reasons: readonly RiskReason[];
  /** With `faded-after-strong-start`: the figures behind it. */
  readonly fizzle?: FizzleDetail;
}

export interface ProgramHealth {
  readonly programId: string;
  readonly at: string;
  readonly relationshipsAtRisk: readonly RelationshipAtRisk[];
  /** Held sessions per active relationship in each of the last four weeks, oldest first. */
  readonly weeklyActivity: readonly number[];
  /** Activity in the last two weeks fell below 60% of the two weeks before. */
  readonly fizzling: boolean;
}

/** Thresholds of the health rules, named so the README and the code agree. */
export const HEALTH_RULES = {
  proposalUnansweredDays: 7,
  lowRatingBelow: 3,
  lowRatingMinimumRatings: 2,
  fizzleRatio: 0.6,
} as const;

/** At-risk relationships with their reasons, and the program's fizzle signal, as of `at`. */
export function programHealth(facts: FactSet, programId: string, at: string): ProgramHealth {
  const relationships = [...facts.relationships.values()].filter((r) => r.programId === programId);
  const held = heldSessionsByRelationship(facts);
  const faded = fadedRelationships(facts, relationships, held, at);
  const relationshipsAtRisk = relationships
    .map((r): RelationshipAtRisk => {
      const fizzle = faded.get(r.relationshipId);
      const reasons = riskReasons(r, facts, held, at);
      return fizzle
        ? { relationshipId: r.relationshipId, reasons: [...reasons, 'faded-after-strong-start'], fizzle }
        : { relationshipId: r.relationshipId, reasons };
    })
    .filter((r) => r.reasons.length > 0)
    .sort((a, b) => a.relationshipId.localeCompare(b.relationshipId));
  const weeklyActivity = [4, 3, 2, 1].map((weeksAgo) => {
    const from = addDays(at, -7 * weeksAgo);
    const to = addDays(at, -7 * (weeksAgo - 1));
    const active = relationships.filter(
      (r) =>
        r.startedAt !== null &&
        Date.parse(r.startedAt) < Date.parse(to) &&
        (r.endedAt === null || Date.parse(r.endedAt) > Date.parse(from)),
    );
    const sessions = active
      .flatMap((r) => held.get(r.relationshipId) ?? [])
      .filter((s) => Date.parse(s.heldAt) >= Date.parse(from) && Date.parse(s.heldAt) < Date.parse(to));
    return active.length === 0 ? 0 : (rounded(sessions.length / active.length) as number);
  });
  const [w1 = 0, w2 = 0, w3 = 0, w4 = 0] = weeklyActivity;
  const before = w1 + w2;
  return {
    programId,
    at,
    relationshipsAtRisk,
    weeklyActivity,
    fizzling: before > 0 && w3 + w4 < before * HEALTH_RULES.fizzleRatio,
  };
}

function riskReasons(
  relationship: RelationshipFact,
  facts: FactSet,
  held: ReadonlyMap<string, readonly HeldSession[]>,
  at: string,
): RiskReason[] {
  if (relationship.status === 'proposed') {
    const waiting =
      relationship.proposedAt !== null &&
      daysBetween(relationship.proposedAt, at) > HEALTH_RULES.proposalUnansweredDays;
    return waiting ? ['proposal-unanswered'] : [];
  }
  if (relationship.status !== 'active') return [];
  const reasons: RiskReason[] = [];
  const sessionsPerMonth =
    relationship.sessionsPerMonth ?? facts.programs.get(relationship.programId)?.sessionsPerMonth ?? 0;
  const sessions = held.get(relationship.relationshipId) ?? [];
  const lastActivity = sessions.at(-1)?.heldAt ?? relationship.startedAt;
  if (
    sessionsPerMonth > 0 &&
    lastActivity !== null &&
    daysBetween(lastActivity, at) > 30 / sessionsPerMonth
  ) {
    reasons.push('no-session-within-cadence');
  }
  const checkIn = facts.checkIns.get(relationship.relationshipId);
  if (checkIn && isCheckInOverdue(checkIn, facts, held)) reasons.push('check-in-overdue');
  const ratings = facts.sessions
    .filter((s) => s.relationshipId === relationship.relationshipId)
    .flatMap((s) => s.ratings.map((r) => r.rating));
  if (
    ratings.length >= HEALTH_RULES.lowRatingMinimumRatings &&
    (mean(ratings) as number) < HEALTH_RULES.lowRatingBelow
  )
    reasons.push('low-ratings');
  const today = dayOf(at);
  const overdueGoal = facts.goals.some(
    (g) =>
      g.relationshipId === relationship.relationshipId &&
      g.status === 'open' &&
      g.targetDate !== null &&
      g.targetDate < today,
  );
  if (overdueGoal) reasons.push('overdue-goals');
  return reasons;
}
