import type { TandemEvent } from '@tandem/events';

/** What this service keeps of a matching program: its expected cadence and its admins (user ids). */
export interface ProgramFact {
  readonly sessionsPerMonth?: number;
  readonly adminIds?: readonly string[];
}

export interface KnownProgram {
  readonly sessionsPerMonth?: number;
  readonly adminIds: readonly string[];
}

export function programFactOf(event: TandemEvent): ProgramFact | undefined {
  if (event.type === 'matching.program.created') {
    return { sessionsPerMonth: event.data.settings.sessionsPerMonth, adminIds: event.data.settings.adminIds };
  }
  if (event.type === 'matching.program.updated') {
    const { sessionsPerMonth, adminIds } = event.data.changes;
    return {
      ...(sessionsPerMonth === undefined ? {} : { sessionsPerMonth }),
      ...(adminIds ? { adminIds } : {}),
    };
  }
  return undefined;
}

/** Later versions override earlier ones, whatever order the facts were stored in. */
export function foldProgramFacts(facts: Readonly<Record<string, ProgramFact>>): KnownProgram {
  return Object.entries(facts)
    .sort(([a], [b]) => Number(a) - Number(b))
    .reduce<KnownProgram>((program, [, fact]) => ({ ...program, ...fact }), { adminIds: [] });
}
