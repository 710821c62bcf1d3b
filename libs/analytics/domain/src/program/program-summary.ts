import { heldSessionsByRelationship, type FactSet, type HeldSession } from '../facts/fact-set';
import type { CheckInFact, RelationshipFact } from '../facts/fact-types';
import { mean, rounded } from '../shared/statistics';

export interface ProgramSummary {
  readonly programId: string;
  readonly enrolledMentors: number;
  readonly enrolledMentees: number;
  /** Mentees in at least one relationship that started. */
  readonly matchedMentees: number;
  readonly relationships: { readonly active: number; readonly paused: number; readonly ended: number };
  readonly sessionsHeld: number;
  readonly sessionHours: number;
  readonly goalsSet: number;
  readonly goalsCompleted: number;
  /** Completed ÷ set; null before any goal is set. */
  readonly goalCompletionRate: number | null;
  readonly averageSessionRating: number | null;
  /** Open relationships whose latest overdue check-in no held session has answered yet. */
  readonly checkInsOverdue: number;
}

export function programSummary(facts: FactSet, programId: string): ProgramSummary {
  const participants = facts.participants.filter((p) => p.programId === programId && p.withdrawnAt === null);
  const relationships = [...facts.relationships.values()].filter((r) => r.programId === programId);
  const sessions = facts.sessions.filter((s) => s.programId === programId);
  const held = sessions.filter((s) => s.status === 'held');
  const goals = facts.goals.filter((g) => g.programId === programId && g.setAt !== null);
  const goalsCompleted = goals.filter((g) => g.status === 'completed').length;
  const countStatus = (status: RelationshipFact['status']) =>
    relationships.filter((r) => r.status === status).length;
  const heldByRelationship = heldSessionsByRelationship(facts);
  return {
    programId,
    enrolledMentors: participants.filter((p) => p.roles.includes('mentor')).length,
    enrolledMentees: participants.filter((p) => p.roles.includes('mentee')).length,
    matchedMentees: new Set(relationships.filter((r) => r.startedAt !== null).flatMap((r) => r.menteeIds))
      .size,
    relationships: {
      active: countStatus('active'),
      paused: countStatus('paused'),
      ended: countStatus('ended'),
    },
    sessionsHeld: held.length,
    sessionHours: rounded(held.reduce((sum, s) => sum + s.durationMinutes, 0) / 60, 2) as number,
    goalsSet: goals.length,
    goalsCompleted,
    goalCompletionRate: goals.length === 0 ? null : rounded(goalsCompleted / goals.length),
    averageSessionRating: rounded(mean(sessions.flatMap((s) => s.ratings.map((r) => r.rating)))),
    checkInsOverdue: [...facts.checkIns.values()].filter(
      (checkIn) => checkIn.programId === programId && isCheckInOverdue(checkIn, facts, heldByRelationship),
    ).length,
  };
}

/** Overdue while the relationship is open and no session was held after the check-in was expected. */
export function isCheckInOverdue(
  checkIn: CheckInFact,
  facts: FactSet,
  heldByRelationship: ReadonlyMap<string, readonly HeldSession[]>,
): boolean {
  if (checkIn.overdueSince === null) return false;
  const status = facts.relationships.get(checkIn.relationshipId)?.status;
  if (status !== 'active' && status !== 'paused') return false;
  const since = Date.parse(checkIn.overdueSince);
  return !(heldByRelationship.get(checkIn.relationshipId) ?? []).some((s) => Date.parse(s.heldAt) > since);
}
