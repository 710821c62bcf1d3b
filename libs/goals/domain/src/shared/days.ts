// Calendar arithmetic on ISO strings; "now" always comes in as a parameter.

const dayMs = 86_400_000;

/** The UTC calendar day (YYYY-MM-DD) of an instant. */
export const dayOf = (instant: string): string => new Date(Date.parse(instant)).toISOString().slice(0, 10);

/** A due day ends at midnight UTC after it: a goal due today is not overdue yet. */
export const endOfDay = (day: string): number => Date.parse(`${day}T00:00:00.000Z`) + dayMs;

export const wholeDaysBetween = (from: string, to: string): number =>
  Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / dayMs));

export const daysToMs = (days: number): number => days * dayMs;
