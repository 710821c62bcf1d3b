import { NOT_ALLOWED } from '../solver/assignment-problem';

/** A kept score is its hundredths (0…0x7fff); these negative entries say what else a pair is. */
export const UNSCORED = -1;
export const EXCLUDED = -2;
/** Hundredths that do not fit a cache entry: scored again each time (never the case for 0–100 scores). */
export const UNCACHEABLE = -3;

/** A row entry that is a score outside 0…largest (NOT_ALLOWED is not a score); one test, no branch inside. */
export const beyond = (value: number, largest: number): boolean =>
  (+(value > largest) | (+(value < 0) & +(value !== NOT_ALLOWED))) !== 0;

/** Writes a scored row (hundredths, NOT_ALLOWED where none) into the cache's entries from `base`. */
export function keepScoredRow(cache: Int16Array, base: number, row: Int32Array, mentors: number): void {
  for (let j = 0; j < mentors; j++) {
    const value = row[j] as number;
    // Branch-free: NOT_ALLOWED (the only negative entry) becomes EXCLUDED.
    const notAllowed = value >> 31;
    cache[base + j] = (value & ~notAllowed) | (EXCLUDED & notAllowed);
    // Rare, so predicted: a score too large for an entry, or a negative one, is not kept.
    if (beyond(value, 0x7fff)) cache[base + j] = UNCACHEABLE;
  }
}
