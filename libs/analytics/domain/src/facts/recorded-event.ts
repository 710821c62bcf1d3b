import type { TandemEvent } from '@tandem/events';

/**
 * An event as a fact keeps it: type and data (ids, codes, figures — never personal data), when it
 * was recorded, and its stream coordinates, which make recording it twice a no-op.
 */
export type RecordedEvent = TandemEvent & {
  readonly at: string;
  readonly stream: string;
  readonly streamVersion: number;
};

/** Identity of one recorded event: redelivery carries the same stream and version. */
export const recordedEventKey = (event: Pick<RecordedEvent, 'stream' | 'streamVersion'>): string =>
  `${event.stream}#${event.streamVersion}`;

/**
 * Adds an event to a fact's history, or returns undefined when it is already there. The history is
 * kept in one canonical order (stream version within a stream; time, then stream across streams),
 * so the same set of events gives the same history whatever order they arrived in.
 */
export function recordEvent(
  history: readonly RecordedEvent[],
  event: RecordedEvent,
): RecordedEvent[] | undefined {
  const key = recordedEventKey(event);
  if (history.some((recorded) => recordedEventKey(recorded) === key)) return undefined;
  return [...history, event].sort(canonicalOrder);
}

function canonicalOrder(a: RecordedEvent, b: RecordedEvent): number {
  if (a.stream === b.stream) return a.streamVersion - b.streamVersion;
  return Date.parse(a.at) - Date.parse(b.at) || (a.stream < b.stream ? -1 : 1);
}

/** The events recorded at or before `asOf` (all of them without one): the history as it was then. */
export function historyAsOf(
  history: readonly RecordedEvent[],
  asOf: string | undefined,
): readonly RecordedEvent[] {
  if (asOf === undefined) return history;
  const limit = Date.parse(asOf);
  return history.filter((event) => Date.parse(event.at) <= limit);
}
