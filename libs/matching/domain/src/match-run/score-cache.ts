import { NOT_ALLOWED } from '../solver/assignment-problem';
import { fromHundredths, toHundredths } from '../solver/hundredths';
import { beyond, EXCLUDED, keepScoredRow, UNCACHEABLE, UNSCORED } from './score-entries';
import { ScoreRowsClaims, type ScoreRow, type SharedScoreRows } from './shared-score-rows';

/** Pairs whose scores are kept (2 bytes each): 64M pairs = 128 MB, past 10k × 2k with room to spare. */
export const SCORE_CACHE_MAX_PAIRS = 64 * 2 ** 20;

/**
 * Pairs whose score bounds are kept when their scores are not (1 byte each): 50k × 10k fits in
 * 500 MB, within the match run's 1 GB.
 */
export const SCORE_BOUNDS_MAX_PAIRS = 640 * 2 ** 20;

export type { ScoreRow } from './shared-score-rows';

/** A run's scores, kept: as the problem gives them, in the hundredths the solver works in, and by row. */
export interface CachedScores {
  readonly score: (mentee: number, mentor: number) => number | null;
  readonly scoreInHundredths: (mentee: number, mentor: number) => number | null;
  readonly scoreRowInHundredths?: ScoreRow;
  readonly scoreRowUpperBoundsInHundredths?: ScoreRow;
}

export interface ScoreCacheOptions {
  /** Above this many pairs no score is kept (only upper bounds, see `keptUpperBounds`). */
  readonly maxPairs?: number;
  /** Above this many pairs not even the upper bounds are kept. */
  readonly maxBoundPairs?: number;
  /** The same scores a row at a time (faster to compute that way): rows are then scored whole. */
  readonly scoreRow?: ScoreRow;
  /**
   * With `scoreRow`, when the scores are kept: the cache in shared memory, whose rows other
   * threads score alongside once the first row is asked for (shared-score-rows.ts). Each row is
   * scored by whichever thread claims it first.
   */
  readonly shared?: SharedScoreRows;
}

/** A shared cache serves only a run of its own size. */
const fits = (
  shared: SharedScoreRows | undefined,
  mentees: number,
  mentors: number,
): shared is SharedScoreRows =>
  shared !== undefined && shared.mentees === mentees && shared.mentors === mentors;

/**
 * Every pair scored once per run: the solver's candidate pass, its pricing rounds and the
 * certificate check all ask again, and scoring (profile comparison) costs far more than a read.
 * Scores are kept in hundredths, as the solver uses them; above `maxPairs` nothing is kept.
 */
export function cachedScores(
  mentees: number,
  mentors: number,
  score: (mentee: number, mentor: number) => number | null,
  {
    maxPairs = SCORE_CACHE_MAX_PAIRS,
    maxBoundPairs = SCORE_BOUNDS_MAX_PAIRS,
    scoreRow,
    shared: sharedRows,
  }: ScoreCacheOptions = {},
): CachedScores {
  const scoredNow = (mentee: number, mentor: number): number | null => {
    const value = score(mentee, mentor);
    return value === null ? null : toHundredths(value, () => `score(${mentee}, ${mentor})`);
  };
  if (mentees * mentors > maxPairs) {
    const uncached = { score, scoreInHundredths: scoredNow };
    if (!scoreRow) return uncached;
    if (mentees * mentors > maxBoundPairs) return { ...uncached, scoreRowInHundredths: scoreRow };
    return { ...uncached, ...keptUpperBounds(mentees, mentors, scoreRow) };
  }
  const shared = scoreRow && fits(sharedRows, mentees, mentors) ? sharedRows : undefined;
  const cache = shared ? new Int16Array(shared.cache) : new Int16Array(mentees * mentors).fill(UNSCORED);
  const entryOf = (hundredths: number | null) =>
    hundredths === null ? EXCLUDED : hundredths >= 0 && hundredths <= 0x7fff ? hundredths : UNCACHEABLE;
  /** 1 once every pair of the mentee's row is in the cache. */
  const rowKept = new Uint8Array(mentees);
  const row = new Int32Array(mentors);
  let claims: ScoreRowsClaims | undefined;
  /** Scores the mentee's whole row into `buffer` (with `scoreRow`) and keeps it. */
  const keepRow = (mentee: number, buffer: Int32Array) => {
    if (shared && scoreRow) {
      if (!claims) {
        claims = new ScoreRowsClaims(shared, scoreRow);
        claims.start();
      }
      claims.awaitRow(mentee);
    } else if (scoreRow) {
      scoreRow(mentee, buffer);
      keepScoredRow(cache, mentee * mentors, buffer, mentors);
    } else {
      const base = mentee * mentors;
      for (let j = 0; j < mentors; j++)
        if (cache[base + j] === UNSCORED) cache[base + j] = entryOf(scoredNow(mentee, j));
    }
    rowKept[mentee] = 1;
  };
  const scoreInHundredths = (mentee: number, mentor: number): number | null => {
    if (scoreRow && rowKept[mentee] === 0) keepRow(mentee, row);
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
      if (rowKept[mentee] === 0 && scoreRow && !shared) {
        keepRow(mentee, out); // `out` holds the row as scored
        return;
      }
      if (rowKept[mentee] === 0) keepRow(mentee, row);
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

/** A byte per pair: the score rounded up to a step of 2^BOUND_SHIFT hundredths (a shift, not a division), or one of these. */
const BOUND_SHIFT = 6;
const BOUND_STEP = 1 << BOUND_SHIFT;
const BOUND_NOT_ALLOWED = 255;
/** The score is above 253 steps: no bound kept, scored again when asked. */
const BOUND_UNKNOWN = 254;
const BOUND_UNSCORED = 253;
const largestBoundedHundredths = (BOUND_UNSCORED - 1) * BOUND_STEP;

/**
 * For runs too large to keep every score: each row as it is scored passes through, and its upper
 * bounds (the score rounded up to 0.64 points) are kept, so a later check over every pair reads a
 * byte instead of scoring again, and scores only the pairs whose bound is too close to call.
 */
function keptUpperBounds(
  mentees: number,
  mentors: number,
  scoreRow: ScoreRow,
): Required<Pick<CachedScores, 'scoreRowInHundredths' | 'scoreRowUpperBoundsInHundredths'>> {
  const bounds = new Uint8Array(mentees * mentors).fill(BOUND_UNSCORED);
  const keep = (mentee: number, out: Int32Array) => {
    const base = mentee * mentors;
    for (let j = 0; j < mentors; j++) {
      const value = out[j] as number;
      // Branch-free: `notAllowed` is all ones for NOT_ALLOWED (the only negative entry).
      const notAllowed = value >> 31;
      const step = (value + BOUND_STEP - 1) >> BOUND_SHIFT; // rounded up, for value ≥ 0
      bounds[base + j] = (step & ~notAllowed) | (BOUND_NOT_ALLOWED & notAllowed);
      // Rare, so predicted: a score too large for a byte, or a negative one, keeps no bound.
      if (beyond(value, largestBoundedHundredths)) bounds[base + j] = BOUND_UNKNOWN;
    }
  };
  const row = new Int32Array(mentors);
  return {
    scoreRowInHundredths: (mentee, out) => {
      scoreRow(mentee, out);
      keep(mentee, out);
    },
    scoreRowUpperBoundsInHundredths: (mentee, out) => {
      const base = mentee * mentors;
      if (bounds[base] === BOUND_UNSCORED) {
        scoreRow(mentee, row);
        keep(mentee, row);
      }
      for (let j = 0; j < mentors; j++) {
        const bound = bounds[base + j] as number;
        const notAllowed = -+(bound === BOUND_NOT_ALLOWED);
        out[j] = ((bound << BOUND_SHIFT) & ~notAllowed) | (NOT_ALLOWED & notAllowed);
        if (bound === BOUND_UNKNOWN) out[j] = 0x7fffffff;
      }
    },
  };
}
