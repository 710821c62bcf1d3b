import type { ProgramPlan, RelationshipPlan, Scenario } from './analytics-scenario.test-kit';

// Expected answers computed straight from the scenario's plans (never from events), as of a moment.

const DAY = 86_400_000;
const by = (instant: string | null | undefined, asOf: number): instant is string =>
  instant !== null && instant !== undefined && Date.parse(instant) <= asOf;
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const mean = (values: number[]) =>
  values.length === 0 ? null : round(values.reduce((a, b) => a + b, 0) / values.length, 4);
const median = (values: number[]) => {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return round(s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2, 2);
};
const earliest = (instants: (string | null)[]) =>
  instants.filter((i): i is string => i !== null).sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;

function statusAt(r: RelationshipPlan, asOf: number): string {
  if (by(r.declinedAt, asOf)) return 'declined';
  if (!by(r.startedAt, asOf)) return 'proposed';
  const changes = r.changes.filter((c) => by(c.at, asOf));
  return changes.at(-1)?.status ?? 'active';
}

const heldBy = (r: RelationshipPlan, asOf: number) => r.sessions.filter((s) => by(s.heldAt, asOf));

export function expectedSummary(program: ProgramPlan, asOfInstant = '9999-12-31T00:00:00.000Z') {
  const asOf = Date.parse(asOfInstant);
  const enrolled = program.participants.filter((p) => by(p.enrolledAt, asOf));
  const relationships = program.relationships.filter((r) => by(r.proposedAt, asOf));
  const statuses = relationships.map((r) => statusAt(r, asOf));
  const held = relationships.flatMap((r) => heldBy(r, asOf));
  const goals = relationships.flatMap((r) => r.goals).filter((g) => by(g.setAt, asOf));
  const completed = goals.filter((g) => by(g.completedAt, asOf)).length;
  const ratings = relationships
    .flatMap((r) => r.sessions.flatMap((s) => s.ratings))
    .filter((x) => by(x.at, asOf))
    .map((x) => x.rating);
  const overdue = relationships.filter((r) => {
    if (!r.checkInOverdue || !by(r.checkInOverdue.at, asOf)) return false;
    if (!['active', 'paused'].includes(statusAt(r, asOf))) return false;
    return !heldBy(r, asOf).some((s) => Date.parse(s.heldAt!) > Date.parse(r.checkInOverdue!.expectedBy));
  });
  return {
    programId: program.programId,
    enrolledMentors: enrolled.filter((p) => p.role === 'mentor').length,
    enrolledMentees: enrolled.filter((p) => p.role === 'mentee').length,
    matchedMentees: new Set(relationships.filter((r) => by(r.startedAt, asOf)).map((r) => r.menteeId)).size,
    relationships: {
      active: statuses.filter((s) => s === 'active').length,
      paused: statuses.filter((s) => s === 'paused').length,
      ended: statuses.filter((s) => s === 'ended').length,
    },
    sessionsHeld: held.length,
    sessionHours: round(held.reduce((sum, s) => sum + s.durationMinutes, 0) / 60, 2),
    goalsSet: goals.length,
    goalsCompleted: completed,
    goalCompletionRate: goals.length === 0 ? null : round(completed / goals.length, 4),
    averageSessionRating: mean(ratings),
    checkInsOverdue: overdue.length,
  };
}

export function expectedFunnel(program: ProgramPlan, asOfInstant = '9999-12-31T00:00:00.000Z') {
  const asOf = Date.parse(asOfInstant);
  const journeys = program.participants
    .filter((p) => p.role === 'mentee' && by(p.enrolledAt, asOf))
    .map((mentee) => {
      const own = program.relationships.filter((r) => r.menteeId === mentee.userId && by(r.proposedAt, asOf));
      const started = own.filter((r) => by(r.startedAt, asOf));
      return [
        mentee.enrolledAt,
        earliest(own.map((r) => r.proposedAt)),
        earliest(started.map((r) => r.startedAt)),
        earliest(started.flatMap((r) => heldBy(r, asOf).map((s) => s.heldAt))),
        earliest(started.flatMap((r) => r.goals.map((g) => g.completedAt).filter((c) => by(c, asOf)))),
        earliest(
          started.flatMap((r) =>
            r.changes.filter((c) => c.reason === 'completed' && by(c.at, asOf)).map((c) => c.at),
          ),
        ),
      ];
    });
  const steps = [
    'enrolled',
    'matched',
    'relationship-started',
    'first-session-held',
    'first-goal-completed',
    'relationship-completed',
  ];
  return {
    programId: program.programId,
    stages: steps.map((step, i) => {
      const reached = journeys.filter((j) => j.slice(0, i + 1).every((x) => x !== null));
      const days = i === 0 ? [] : reached.map((j) => (Date.parse(j[i]!) - Date.parse(j[i - 1]!)) / DAY);
      return { step, count: reached.length, medianDaysFromPrevious: median(days) };
    }),
  };
}

/** `relationships, sessionsHeld, sessionHours, goalsCompleted` by program and month, rows sorted like the service. */
export function expectedMonthlyByProgram(scenario: Scenario, programIds: readonly string[]) {
  const rows = new Map<
    string,
    { relationships: number; sessionsHeld: number; minutes: number; goalsCompleted: number }
  >();
  const row = (month: string, programId: string) => {
    const key = JSON.stringify([month, programId]);
    const existing = rows.get(key) ?? { relationships: 0, sessionsHeld: 0, minutes: 0, goalsCompleted: 0 };
    rows.set(key, existing);
    return existing;
  };
  for (const program of scenario.programs.filter((p) => programIds.includes(p.programId))) {
    for (const r of program.relationships) {
      if (r.startedAt) row(r.startedAt.slice(0, 7), program.programId).relationships += 1;
      for (const s of r.sessions) {
        if (!s.heldAt) continue;
        const target = row(s.heldAt.slice(0, 7), program.programId);
        target.sessionsHeld += 1;
        target.minutes += s.durationMinutes;
      }
      for (const g of r.goals)
        if (g.completedAt) row(g.completedAt.slice(0, 7), program.programId).goalsCompleted += 1;
    }
  }
  return [...rows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, v]) => {
      const [period, program] = JSON.parse(key) as [string, string];
      return {
        dimensions: { program },
        period,
        measures: {
          relationships: v.relationships,
          sessionsHeld: v.sessionsHeld,
          sessionHours: round(v.minutes / 60, 4),
          goalsCompleted: v.goalsCompleted,
        },
        suppressed: false,
      };
    });
}

/**
 * Relationships per mentee department over the given programs, suppressed below k participants; when
 * exactly one row is, the row with the fewest participants is suppressed with it (else the total of
 * the query without the dimension, minus the other rows, would give it away).
 */
export function expectedByMenteeDepartment(scenario: Scenario, programIds: readonly string[], k = 5) {
  const groups = new Map<string, { relationships: number; people: Set<string> }>();
  for (const program of scenario.programs.filter((p) => programIds.includes(p.programId))) {
    for (const r of program.relationships) {
      if (!r.startedAt) continue;
      const department = program.participants.find((p) => p.userId === r.menteeId)!.facets.department;
      const group = groups.get(department) ?? { relationships: 0, people: new Set<string>() };
      group.relationships += 1;
      group.people.add(r.mentorId).add(r.menteeId);
      groups.set(department, group);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (JSON.stringify([null, a]) < JSON.stringify([null, b]) ? -1 : 1))
    .map(([department, g], _, all) => {
      const primary = all.filter(([, other]) => other.people.size < k);
      const complement =
        primary.length === 1
          ? all
              .filter(([, other]) => other.people.size >= k)
              .sort(([a, x], [b, y]) => x.people.size - y.people.size || (a < b ? -1 : 1))[0]?.[0]
          : undefined;
      const suppressed = g.people.size < k || department === complement;
      return {
        dimensions: { menteeDepartment: department },
        measures: { relationships: suppressed ? null : g.relationships },
        suppressed,
      };
    });
}

/** Relationships a health check at `at` flags with an overdue check-in (everything known by then). */
export function expectedCheckInRisks(program: ProgramPlan, atInstant: string): string[] {
  const asOf = Date.parse(atInstant);
  return program.relationships
    .filter((r) => statusAt(r, asOf) === 'active' && r.checkInOverdue && by(r.checkInOverdue.at, asOf))
    .filter(
      (r) => !heldBy(r, asOf).some((s) => Date.parse(s.heldAt!) > Date.parse(r.checkInOverdue!.expectedBy)),
    )
    .map((r) => r.relationshipId)
    .sort();
}
