import { fromHundredths, toHundredths } from '../solver/hundredths';

/** Pairs whose scores are kept (2 bytes each): 64M pairs = 128 MB, past 10k × 2k with room to spare. */
export const SCORE_CACHE_MAX_PAIRS = 64 * 2 ** 20;

const UNSCORED = -1;
const EXCLUDED = -2;
/** Hundredths that do not fit a cache entry: scored again each time (never the case for 0–100 scores). */
const UNCACHEABLE = -3;

/** A run's scores, kept: as the problem gives them, and in the hundredths the solver works in. */
export interface CachedScores {
  readonly score: (mentee: number, mentor: number) => number | null;
  readonly scoreInHundredths: (mentee: number, mentor: number) => number | null;
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
  maxPairs = SCORE_CACHE_MAX_PAIRS,
): CachedScores {
  const hundredthsOf = (mentee: number, mentor: number, value: number) =>
    toHundredths(value, () => `score(${mentee}, ${mentor})`);
  if (mentees * mentors > maxPairs)
    return {
      score,
      scoreInHundredths: (mentee, mentor) => {
        const value = score(mentee, mentor);
        return value === null ? null : hundredthsOf(mentee, mentor, value);
      },
    };
  const cache = new Int16Array(mentees * mentors).fill(UNSCORED);
  const scoreInHundredths = (mentee: number, mentor: number): number | null => {
    const at = mentee * mentors + mentor;
    const kept = cache[at] as number;
    if (kept >= 0) return kept;
    if (kept === EXCLUDED) return null;
    const value = score(mentee, mentor);
    if (value === null) {
      cache[at] = EXCLUDED;
      return null;
    }
    const hundredths = hundredthsOf(mentee, mentor, value);
    if (kept === UNSCORED) cache[at] = hundredths >= 0 && hundredths <= 0x7fff ? hundredths : UNCACHEABLE;
    return hundredths;
  };
  return {
    score: (mentee, mentor) => {
      const hundredths = scoreInHundredths(mentee, mentor);
      return hundredths === null ? null : fromHundredths(hundredths);
    },
    scoreInHundredths,
  };
}
