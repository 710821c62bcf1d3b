import { NOT_ALLOWED } from '../solver/assignment-problem';
import { fromHundredths, toHundredths } from '../solver/hundredths';

/** Pairs whose scores are kept (2 bytes each): 64M pairs = 128 MB, past 10k × 2k with room to spare. */
export const SCORE_CACHE_MAX_PAIRS = 64 * 2 ** 20;

const UNSCORED = -1;
const EXCLUDED = -2;
/** Hundredths that do not fit a cache entry: scored again each time (never the case for 0–100 scores). */
const UNCACHEABLE = -3;

/** One mentee's scores against every mentor in hundredths, NOT_ALLOWED where `score` gives null. */
export type ScoreRow = (mentee: number, out: Int32Array) => void;

/** A run's scores, kept: as the problem gives them, in the hundredths the solver works in, and by row. */
export interface CachedScores {
  readonly score: (mentee: number, mentor: number) => number | null;
  readonly scoreInHundredths: (mentee: number, mentor: number) => number | null;
  readonly scoreRowInHundredths?: ScoreRow;
}

export interface ScoreCacheOptions {
  /** Above this many pairs nothing is kept. */
  readonly maxPairs?: number;
  /** The same scores a row at a time (faster to compute that way): rows are then scored whole. */
  readonly scoreRow?: ScoreRow;
}

/**
 * Every pair scored once per run: the solver's candidate pass, its pricing rounds and the
 * certificate check all ask again, and scoring (profile comparison) costs far more than a read.
 * Scores are kept in hundredths, as the solver uses them; above `maxPairs` nothing is kept.
 */
export function cachedScores(
  mentees: number,
  mentors: number,
  score: (mentee: number, mentor: number) => number | null,
  { maxPairs = SCORE_CACHE_MAX_PAIRS, scoreRow }: ScoreCacheOptions = {},
): CachedScores {
  const scoredNow = (mentee: number, mentor: number): number | null => {
    const value = score(mentee, mentor);
    return value === null ? null : toHundredths(value, () => `score(${mentee}, ${mentor})`);
  };
  if (mentees * mentors > maxPairs)
    return { score, scoreInHundredths: scoredNow, ...(scoreRow ? { scoreRowInHundredths: scoreRow } : {}) };
  const cache = new Int16Array(mentees * mentors).fill(UNSCORED);
  const entryOf = (hundredths: number | null) =>
    hundredths === null ? EXCLUDED : hundredths >= 0 && hundredths <= 0x7fff ? hundredths : UNCACHEABLE;
  /** 1 once every pair of the mentee's row is in the cache. */
  const rowKept = new Uint8Array(mentees);
  const row = new Int32Array(mentors);
  const keepRow = (mentee: number) => {
    const base = mentee * mentors;
    if (scoreRow) {
      scoreRow(mentee, row);
      for (let j = 0; j < mentors; j++) {
        const value = row[j] as number;
        // Branch-free: NOT_ALLOWED (the only negative entry) becomes EXCLUDED.
        const notAllowed = value >> 31;
        cache[base + j] = value > 0x7fff ? UNCACHEABLE : (value & ~notAllowed) | (EXCLUDED & notAllowed);
      }
    } else {
      for (let j = 0; j < mentors; j++)
        if (cache[base + j] === UNSCORED) cache[base + j] = entryOf(scoredNow(mentee, j));
    }
    rowKept[mentee] = 1;
  };
  const scoreInHundredths = (mentee: number, mentor: number): number | null => {
    if (scoreRow && rowKept[mentee] === 0) keepRow(mentee);
    const at = mentee * mentors + mentor;
    const kept = cache[at] as number;
    if (kept >= 0) return kept;
    if (kept === EXCLUDED) return null;
    const hundredths = scoredNow(mentee, mentor);
    if (kept === UNSCORED) cache[at] = entryOf(hundredths);
    return hundredths;
  };
  return {
    score: (mentee, mentor) => {
      const hundredths = scoreInHundredths(mentee, mentor);
      return hundredths === null ? null : fromHundredths(hundredths);
    },
    scoreInHundredths,
    scoreRowInHundredths: (mentee, out) => {
      if (rowKept[mentee] === 0) keepRow(mentee);
      const base = mentee * mentors;
      for (let j = 0; j < mentors; j++) {
        const kept = cache[base + j] as number;
        if (kept === UNCACHEABLE) out[j] = scoreInHundredths(mentee, j) ?? NOT_ALLOWED;
        else {
          // Branch-free: EXCLUDED (the only other negative entry) becomes NOT_ALLOWED.
          const excluded = kept >> 31;
          out[j] = (kept & ~excluded) | (NOT_ALLOWED & excluded);
        }
      }
    },
  };
}
