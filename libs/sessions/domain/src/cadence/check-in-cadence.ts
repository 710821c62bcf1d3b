import type { KnownRelationshipStatus } from '../known-relationship/relationship-facts';

const MONTH_MS = 30 * 86_400_000;

export interface CadenceInput {
  readonly relationshipStatus: KnownRelationshipStatus;
  /** When the relationship last became active (started or resumed). */
  readonly activeSince?: string;
  /** The agreed cadence, else the program's; 0 or absent means no expectation. */
  readonly sessionsPerMonth?: number;
  readonly lastHeldAt?: string;
  /** Start times of sessions still scheduled (not held, cancelled or missed). */
  readonly scheduledStarts: readonly string[];
  readonly now: string;
}

export type CadenceVerdict =
  | { readonly overdue: false }
  | {
      readonly overdue: true;
      /** One notice per window: the same key for every check inside the same window. */
      readonly windowKey: string;
      readonly expectedBy: string;
      readonly lastSessionAt?: string;
    };

/**
 * A relationship is overdue for a check-in when it is active, a whole cadence window (a month
 * divided by the sessions per month) has passed since it became active or last held a session,
 * and nothing is scheduled from now on. Windows are counted from that moment, so every further
 * window without a session gets its own notice, and a pause followed by a resume starts afresh.
 */
export function checkInCadence(input: CadenceInput): CadenceVerdict {
  const { relationshipStatus, activeSince, sessionsPerMonth, lastHeldAt, scheduledStarts, now } = input;
  if (relationshipStatus !== 'active' || !activeSince || !sessionsPerMonth || sessionsPerMonth <= 0)
    return { overdue: false };
  const windowMs = MONTH_MS / sessionsPerMonth;
  const nowMs = Date.parse(now);
  const anchorMs = Math.max(Date.parse(activeSince), lastHeldAt ? Date.parse(lastHeldAt) : -Infinity);
  const expectedByMs = anchorMs + windowMs;
  if (nowMs < expectedByMs) return { overdue: false };
  if (scheduledStarts.some((startsAt) => Date.parse(startsAt) >= nowMs)) return { overdue: false };
  const window = Math.floor((nowMs - anchorMs) / windowMs);
  return {
    overdue: true,
    windowKey: `${new Date(anchorMs).toISOString()}#${window}`,
    expectedBy: new Date(anchorMs + window * windowMs).toISOString(),
    ...(lastHeldAt ? { lastSessionAt: lastHeldAt } : {}),
  };
}
