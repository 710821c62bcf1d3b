import { dayOf } from '../shared/time';

export const TIME_GRAINS = ['day', 'week', 'month', 'quarter'] as const;
export type TimeGrain = (typeof TIME_GRAINS)[number];

/** The period an instant falls in: `2026-03-14`, week of Monday `2026-03-09`, `2026-03`, `2026-Q1` (UTC). */
export function periodOf(instant: string, grain: TimeGrain): string {
  const day = dayOf(instant);
  switch (grain) {
    case 'day':
      return day;
    case 'week': {
      const date = new Date(`${day}T00:00:00Z`);
      const sinceMonday = (date.getUTCDay() + 6) % 7;
      return new Date(date.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
    }
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
    default: {
      const exhaustive: never = grain;
      return exhaustive;
    }
  }
}
