import type { Fact } from '../facts/fact-types';
import type { ProgramSummary } from '../program/program-summary';
import { rounded } from '../shared/statistics';

// A program's summary as sums: each fact contributes counters that depend on that fact alone, so
// the summary is the sum of its facts' contributions and a changed fact changes it by the
// difference of its contribution before and after. Summing is order-free, and a fact whose
// contribution is unchanged (a redelivery) adds nothing: the rollup converges like the facts do.
// The one figure that is no sum, mentees matched (each counted once however many relationships
// they are in), is kept as a count per mentee whose crossings of zero move the counter.

export const SUMMARY_COUNTERS = [
  'enrolledMentors',
  'enrolledMentees',
  'relationshipsActive',
  'relationshipsPaused',
  'relationshipsEnded',
  'sessionsHeld',
  'sessionMinutes',
  'goalsSet',
  'goalsCompleted',
  'ratingSum',
  'ratingCount',
] as const;
export type SummaryCounter = (typeof SUMMARY_COUNTERS)[number];
export type SummaryCounters = Readonly<Partial<Record<SummaryCounter, number>>>;

/** What one fact adds to its program's summary. */
export interface SummaryContribution {
  readonly counters: SummaryCounters;
  /** Mentees of a relationship that started: each is matched while at least one such relationship counts them. */
  readonly startedMentees: readonly string[];
}

const none: SummaryContribution = { counters: {}, startedMentees: [] };

export function summaryContributionOf(fact: Fact | undefined): SummaryContribution {
  switch (fact?.kind) {
    case 'participant': {
      if (fact.withdrawnAt !== null) return none;
      return {
        counters: {
          ...(fact.roles.includes('mentor') ? { enrolledMentors: 1 } : {}),
          ...(fact.roles.includes('mentee') ? { enrolledMentees: 1 } : {}),
        },
        startedMentees: [],
      };
    }
    case 'relationship': {
      const status =
        fact.status === 'active'
          ? 'relationshipsActive'
          : fact.status === 'paused'
            ? 'relationshipsPaused'
            : fact.status === 'ended'
              ? 'relationshipsEnded'
              : undefined;
      return {
        counters: status ? { [status]: 1 } : {},
        startedMentees: fact.startedAt === null ? [] : [...new Set(fact.menteeIds)],
      };
    }
    case 'session': {
      const ratings = fact.ratings.map((r) => r.rating);
      const held = fact.status === 'held';
      return {
        counters: {
          ...(held ? { sessionsHeld: 1, sessionMinutes: fact.durationMinutes } : {}),
          ...(ratings.length > 0
            ? { ratingSum: ratings.reduce((a, b) => a + b, 0), ratingCount: ratings.length }
            : {}),
        },
        startedMentees: [],
      };
    }
    case 'goal': {
      if (fact.setAt === null) return none;
      return {
        counters: { goalsSet: 1, ...(fact.status === 'completed' ? { goalsCompleted: 1 } : {}) },
        startedMentees: [],
      };
    }
    default:
      return none;
  }
}

/** How a fact's change moves its program's rollup: counter differences and per-mentee count changes. */
export interface SummaryDelta {
  readonly counters: SummaryCounters;
  /** mentee → change of the number of started relationships counting them (non-zero only). */
  readonly mentees: ReadonlyMap<string, number>;
}

export function summaryDeltaOf(before: Fact | undefined, after: Fact | undefined): SummaryDelta {
  const [was, is] = [summaryContributionOf(before), summaryContributionOf(after)];
  const counters: Partial<Record<SummaryCounter, number>> = {};
  for (const counter of SUMMARY_COUNTERS) {
    const change = (is.counters[counter] ?? 0) - (was.counters[counter] ?? 0);
    if (change !== 0) counters[counter] = change;
  }
  const mentees = new Map<string, number>();
  for (const mentee of was.startedMentees) mentees.set(mentee, (mentees.get(mentee) ?? 0) - 1);
  for (const mentee of is.startedMentees) mentees.set(mentee, (mentees.get(mentee) ?? 0) + 1);
  for (const [mentee, change] of mentees) if (change === 0) mentees.delete(mentee);
  return { counters, mentees };
}

export const isEmptyDelta = (delta: SummaryDelta): boolean =>
  Object.keys(delta.counters).length === 0 && delta.mentees.size === 0;

/** A program's rollup: the counters and the number of mentees matched. */
export interface SummaryRollup {
  readonly counters: SummaryCounters;
  readonly matchedMentees: number;
}

/** Change of the matched count when a mentee's count moves from `before` by `change`. */
export const matchedChange = (before: number, change: number): number =>
  (before + change > 0 ? 1 : 0) - (before > 0 ? 1 : 0);

/** The summary a rollup gives; `checkInsOverdue` joins facts of several kinds and is asked of the facts. */
export function summaryFromRollup(
  programId: string,
  { counters, matchedMentees }: SummaryRollup,
  checkInsOverdue: number,
): ProgramSummary {
  const count = (counter: SummaryCounter) => counters[counter] ?? 0;
  const goalsSet = count('goalsSet');
  return {
    programId,
    enrolledMentors: count('enrolledMentors'),
    enrolledMentees: count('enrolledMentees'),
    matchedMentees,
    relationships: {
      active: count('relationshipsActive'),
      paused: count('relationshipsPaused'),
      ended: count('relationshipsEnded'),
    },
    sessionsHeld: count('sessionsHeld'),
    sessionHours: rounded(count('sessionMinutes') / 60, 2) as number,
    goalsSet,
    goalsCompleted: count('goalsCompleted'),
    goalCompletionRate: goalsSet === 0 ? null : rounded(count('goalsCompleted') / goalsSet),
    averageSessionRating:
      count('ratingCount') === 0 ? null : rounded(count('ratingSum') / count('ratingCount')),
    checkInsOverdue,
  };
}
