// eslint-disable-next-line @nx/enforce-module-boundaries -- a benchmark of the analytics domain; tools has no service scope
import type {
  Fact,
  GoalFact,
  ParticipantFact,
  ProgramFact,
  RelationshipFact,
  SessionFact,
} from '@tandem/analytics-domain';

// A deterministic organisation's worth of facts for the query benchmark: the mix of a large
// tenant (programs, enrolments, relationships, five sessions and two goals per relationship).

const DEPARTMENTS = ['eng', 'ops', 'sales', 'design', 'legal', 'finance', 'hr', 'support'];
const LEVELS = ['junior', 'mid', 'senior', 'principal'];
const LOCATIONS = ['london', 'lisbon', 'berlin', 'austin', 'singapore'];
const START = Date.parse('2025-01-01T09:00:00.000Z');
const DAY = 86_400_000;
const instant = (days: number) => new Date(START + days * DAY).toISOString();
const nth = (items: readonly string[], i: number): string => items[i % items.length] ?? 'unknown';

/** About `total` facts: per relationship 2 enrolments, 5 sessions and 2 goals (10 facts). */
export function* generatedFacts(total: number): Generator<Fact> {
  const relationships = Math.max(1, Math.floor(total / 10));
  const programs = 50;
  for (let p = 0; p < programs; p += 1) {
    yield {
      kind: 'program',
      programId: `p${p}`,
      programType: nth(['one-to-one', 'group', 'peer'], p),
      status: 'active',
      sessionsPerMonth: 2,
      adminIds: [`admin-${p}`],
    } satisfies ProgramFact;
  }
  for (let r = 0; r < relationships; r += 1) {
    const programId = `p${r % programs}`;
    const mentor = `mentor-${r % (relationships / 3 + 1)}`;
    const mentee = `mentee-${r}`;
    for (const [userId, role, i] of [
      [mentor, 'mentor', r * 7],
      [mentee, 'mentee', r * 13],
    ] as const) {
      yield {
        kind: 'participant',
        participantId: `pa-${role}-${r}`,
        programId,
        userId,
        roles: [role],
        facets: { department: nth(DEPARTMENTS, i), level: nth(LEVELS, i), location: nth(LOCATIONS, i) },
        enrolledAt: instant(r % 300),
        withdrawnAt: null,
      } satisfies ParticipantFact;
    }
    const startedAt = instant((r % 300) + 5);
    yield {
      kind: 'relationship',
      relationshipId: `r${r}`,
      programId,
      mentorIds: [mentor],
      menteeIds: [mentee],
      status: r % 4 === 0 ? 'ended' : 'active',
      proposedAt: instant(r % 300),
      startedAt,
      endedAt: r % 4 === 0 ? instant((r % 300) + 90) : null,
      endReason: r % 4 === 0 ? 'completed' : null,
      sessionsPerMonth: null,
      reflectionRatings: [],
    } satisfies RelationshipFact;
    for (let s = 0; s < 5; s += 1) {
      const heldAt = instant((r % 300) + 10 + s * 14);
      yield {
        kind: 'session',
        sessionId: `s${r}-${s}`,
        relationshipId: `r${r}`,
        programId,
        status: s === 4 ? 'cancelled' : 'held',
        heldAt: s === 4 ? null : heldAt,
        durationMinutes: 30 + 15 * ((r + s) % 4),
        ratings: [{ participantId: mentee, rating: 1 + ((r + s) % 5), at: heldAt }],
      } satisfies SessionFact;
    }
    for (let g = 0; g < 2; g += 1) {
      yield {
        kind: 'goal',
        goalId: `g${r}-${g}`,
        relationshipId: `r${r}`,
        programId,
        status: (r + g) % 2 === 0 ? 'completed' : 'open',
        setAt: instant((r % 300) + 8),
        targetDate: instant((r % 300) + 60).slice(0, 10),
        completedAt: (r + g) % 2 === 0 ? instant((r % 300) + 40) : null,
        milestonesCompleted: [],
      } satisfies GoalFact;
    }
  }
}
