import type { FactSet, HeldSession } from '../facts/fact-set';
import type { RelationshipFact } from '../facts/fact-types';
import { mean, median, rounded } from '../shared/statistics';
import { addDays, daysBetween } from '../shared/time';

/**
 * A relationship that started strong and faded: over its full cadence windows so far, its first
 * half averaged more sessions per window than the program's median relationship, and its last
 * windows fewer than half that median.
 */
export const FIZZLE_RULES = {
  /** Fewer full windows than this says nothing about a trend. */
  minimumWindows: 4,
  /** How many of the latest full windows are "the last windows". */
  recentWindows: 2,
  /** The last windows are below this share of the program's median. */
  fadedBelowShareOfMedian: 0.5,
  /** Window length when neither the pair nor the program set a cadence: monthly. */
  defaultSessionsPerMonth: 1,
} as const;

/** Why a relationship was flagged, in sessions per cadence window. */
export interface FizzleDetail {
  readonly windowDays: number;
  readonly windows: number;
  readonly firstHalfPerWindow: number;
  readonly recentPerWindow: number;
  readonly programMedianPerWindow: number;
}

interface WindowCounts {
  readonly windowDays: number;
  readonly counts: readonly number[];
}

/** Relationships of the program that started strong and faded by `at`, by id, with why. */
export function fadedRelationships(
  facts: FactSet,
  relationships: readonly RelationshipFact[],
  held: ReadonlyMap<string, readonly HeldSession[]>,
  at: string,
): Map<string, FizzleDetail> {
  const windowed = relationships.flatMap((r) => {
    const counts = windowCounts(r, facts, held.get(r.relationshipId) ?? [], at);
    return counts && counts.counts.length > 0 ? [{ relationship: r, ...counts }] : [];
  });
  const programMedian = median(windowed.map((w) => mean(w.counts) as number));
  const faded = new Map<string, FizzleDetail>();
  if (programMedian === null || programMedian === 0) return faded;
  for (const { relationship, windowDays, counts } of windowed) {
    if (relationship.status !== 'active' || counts.length < FIZZLE_RULES.minimumWindows) continue;
    const firstHalf = mean(counts.slice(0, Math.floor(counts.length / 2))) as number;
    const recent = mean(counts.slice(-FIZZLE_RULES.recentWindows)) as number;
    if (firstHalf > programMedian && recent < programMedian * FIZZLE_RULES.fadedBelowShareOfMedian) {
      faded.set(relationship.relationshipId, {
        windowDays: rounded(windowDays, 2) as number,
        windows: counts.length,
        firstHalfPerWindow: rounded(firstHalf, 2) as number,
        recentPerWindow: rounded(recent, 2) as number,
        programMedianPerWindow: rounded(programMedian, 2) as number,
      });
    }
  }
  return faded;
}

/** Held sessions in each full cadence window from the start to the end (or `at`); null before it started. */
function windowCounts(
  relationship: RelationshipFact,
  facts: FactSet,
  sessions: readonly HeldSession[],
  at: string,
): WindowCounts | null {
  if (relationship.startedAt === null) return null;
  const sessionsPerMonth =
    relationship.sessionsPerMonth ??
    facts.programs.get(relationship.programId)?.sessionsPerMonth ??
    FIZZLE_RULES.defaultSessionsPerMonth;
  const windowDays = 30 / Math.max(sessionsPerMonth, 0.1);
  const until =
    relationship.endedAt !== null && Date.parse(relationship.endedAt) < Date.parse(at)
      ? relationship.endedAt
      : at;
  const windows = Math.floor(daysBetween(relationship.startedAt, until) / windowDays);
  const counts = Array.from({ length: Math.max(windows, 0) }, (_, i) => {
    const from = Date.parse(addDays(relationship.startedAt as string, i * windowDays));
    const to = Date.parse(addDays(relationship.startedAt as string, (i + 1) * windowDays));
    return sessions.filter((s) => Date.parse(s.heldAt) >= from && Date.parse(s.heldAt) < to).length;
  });
  return { windowDays, counts };
}
