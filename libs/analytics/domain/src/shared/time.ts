// Date arithmetic on ISO strings; analytics never reads the clock itself (`now` is always passed in).

export const DAY_MS = 86_400_000;

export const daysBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / DAY_MS;

/** The UTC day of an instant (UTC instants, the usual case, are sliced without parsing). */
export const dayOf = (instant: string): string =>
  instant.endsWith('Z') ? instant.slice(0, 10) : new Date(Date.parse(instant)).toISOString().slice(0, 10);

export const monthOf = (instant: string): string => dayOf(instant).slice(0, 7);

export const addDays = (instant: string, days: number): string =>
  new Date(Date.parse(instant) + days * DAY_MS).toISOString();

/** True when `a` is at or before `b` (both ISO instants, possibly with different offsets). */
export const notAfter = (a: string, b: string): boolean => Date.parse(a) <= Date.parse(b);
