/** What the previously-paired rule needs to know about an earlier relationship (user ids). */
export interface PastRelationship {
  readonly mentorIds: readonly string[];
  readonly menteeIds: readonly string[];
  /** Unset when it never started (declined, expired, still proposed): such a pair never had its chance. */
  readonly startedAt?: string;
  /** Still running (active or paused): it counts whatever the look-back. */
  readonly open: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The `${menteeUserId}|${mentorUserId}` keys of every pair that started, in any program of the tenant,
 * for the `previously-paired` rule. With a look-back, only relationships still running or started
 * within `lookBackDays` before `at` count (people may be paired again after a while).
 */
export function previousPairsOf(
  relationships: readonly PastRelationship[],
  at: Date,
  lookBackDays?: number,
): Set<string> {
  const since = lookBackDays === undefined ? -Infinity : at.getTime() - lookBackDays * DAY_MS;
  return new Set(
    relationships
      .filter((r) => r.startedAt !== undefined && (r.open || Date.parse(r.startedAt) >= since))
      .flatMap((r) => r.menteeIds.flatMap((mentee) => r.mentorIds.map((mentor) => `${mentee}|${mentor}`))),
  );
}
