import type { MatchingProfile, MatchingRules, ScoringContext } from '../scoring/matching-profile';
import { compileScoring, compiledScoringFor, type CompiledScoring } from '../scoring/compiled-scoring';
import type { PreparedProfile } from '../scoring/prepared-profile';
import { createRowScorer, EXCLUDED_PAIR } from '../scoring/row-scorer';
import { scorePrepared } from '../scoring/score-pair';
import { NOT_ALLOWED } from '../solver/assignment-problem';
import { cachedScores, SCORE_CACHE_MAX_PAIRS, type CachedScores } from './score-cache';
import {
  createSharedScoreRows,
  ScoreRowsClaims,
  type ScoreRow,
  type SharedScoreRows,
} from './shared-score-rows';

/** The run's people, rules and context as another thread needs them to score the same rows. */
export interface RowScoringJob {
  readonly rules: MatchingRules;
  readonly context: ScoringContext;
  /** In the run's order: row i is mentees[i], column j is mentors[j]. */
  readonly mentees: readonly MatchingProfile[];
  readonly mentors: readonly MatchingProfile[];
  /** `<menteeId>|<mentorId>` of pairs taken out of the solve. */
  readonly taken: readonly string[];
}

/**
 * Starts threads that score the run's rows (each runs `scoreRowsAlongside`): they prepare the
 * people while the run does, and score from the moment the run asks for its first row.
 */
export type ScoreRowsElsewhere = (job: RowScoringJob, shared: SharedScoreRows) => void;

export interface RunScoresOptions {
  readonly scoreRowsElsewhere?: ScoreRowsElsewhere;
}

/** Below this many pairs scoring takes a few tens of milliseconds: less than another thread takes to start. */
export const MIN_PAIRS_TO_SHARE = 1_000_000;

/**
 * The shared score cache of a run large enough to gain from other threads (and small enough to
 * keep its scores), with those threads started; undefined otherwise.
 */
export function shareRunRows(
  job: RowScoringJob,
  scoreRowsElsewhere: ScoreRowsElsewhere | undefined,
): SharedScoreRows | undefined {
  const pairs = job.mentees.length * job.mentors.length;
  if (!scoreRowsElsewhere || pairs < MIN_PAIRS_TO_SHARE || pairs > SCORE_CACHE_MAX_PAIRS) return undefined;
  const shared = createSharedScoreRows(job.mentees.length, job.mentors.length);
  scoreRowsElsewhere(job, shared);
  return shared;
}

/**
 * A run's scores as the solver asks for them: a pair a hard rule excludes, below the program's
 * minimum score, or taken out of the solve (`<menteeId>|<mentorId>`: pinned or forbidden) has
 * none. Rows are scored over the mentors' columns; single pairs the same way as `scorePrepared`.
 */
export function runScores(
  scoring: CompiledScoring,
  mentees: readonly PreparedProfile[],
  mentors: readonly PreparedProfile[],
  taken: ReadonlySet<string> = new Set(),
  shared?: SharedScoreRows,
): CachedScores {
  const { minimumScore } = scoring.rules;
  const isTaken = (mentee: PreparedProfile, mentor: PreparedProfile) =>
    taken.size > 0 && taken.has(`${mentee.profile.participantId}|${mentor.profile.participantId}`);
  return cachedScores(
    mentees.length,
    mentors.length,
    (i, j) => {
      const mentee = mentees[i] as PreparedProfile;
      const mentor = mentors[j] as PreparedProfile;
      if (isTaken(mentee, mentor)) return null;
      const score = scorePrepared(scoring, mentee, mentor);
      return score !== null && score >= minimumScore ? score : null;
    },
    { scoreRow: runRowScorer(scoring, mentees, mentors, taken), ...(shared ? { shared } : {}) },
  );
}

/** What a thread asked by `scoreRowsElsewhere` runs: it scores unclaimed rows until none is left. */
export function scoreRowsAlongside(job: RowScoringJob, shared: SharedScoreRows): number {
  const scoring = compileScoring(job.rules, job.context);
  const scoreRow = runRowScorer(
    scoring,
    job.mentees.map((profile) => scoring.prepare(profile)),
    job.mentors.map((profile) => scoring.prepare(profile)),
    new Set(job.taken),
  );
  const claims = new ScoreRowsClaims(shared, scoreRow);
  claims.awaitStart();
  return claims.scoreUnclaimedBlocks();
}

/** Whole rows in hundredths, NOT_ALLOWED where a hard rule, the minimum score or `taken` rules the pair out. */
function runRowScorer(
  scoring: CompiledScoring,
  mentees: readonly PreparedProfile[],
  mentors: readonly PreparedProfile[],
  taken: ReadonlySet<string>,
): ScoreRow {
  const lowest = lowestAllowedHundredths(scoring.rules.minimumScore);
  const takenMentors = takenMentorsByMentee(mentees, mentors, taken);
  const scoreRow = createRowScorer(scoring, mentors);
  return (i, out) => {
    scoreRow(mentees[i] as PreparedProfile, out);
    // Branch-free: `below` is all ones where the entry is under the lowest allowed score.
    for (let j = 0; j < mentors.length; j++) {
      const hundredths = out[j] as number;
      const below = (hundredths - lowest) >> 31;
      out[j] = (hundredths & ~below) | (NOT_ALLOWED & below);
    }
    for (const j of takenMentors.get(i) ?? []) out[j] = NOT_ALLOWED;
  };
}

/** The run's scores for profiles not yet prepared, with nothing taken out (what the bench solves). */
export function runScoresOf(
  mentees: readonly MatchingProfile[],
  mentors: readonly MatchingProfile[],
  rules: MatchingRules,
  context: ScoringContext,
  { scoreRowsElsewhere }: RunScoresOptions = {},
): CachedScores {
  const shared = shareRunRows({ rules, context, mentees, mentors, taken: [] }, scoreRowsElsewhere);
  const scoring = compiledScoringFor(rules, context);
  return runScores(
    scoring,
    mentees.map((profile) => scoring.prepare(profile)),
    mentors.map((profile) => scoring.prepare(profile)),
    new Set(),
    shared,
  );
}

function takenMentorsByMentee(
  mentees: readonly PreparedProfile[],
  mentors: readonly PreparedProfile[],
  taken: ReadonlySet<string>,
): Map<number, number[]> {
  const byMentee = new Map<number, number[]>();
  if (taken.size === 0) return byMentee;
  const menteeIndex = new Map(mentees.map((m, i) => [m.profile.participantId, i]));
  const mentorIndex = new Map(mentors.map((m, j) => [m.profile.participantId, j]));
  for (const key of taken) {
    const separator = key.indexOf('|');
    const i = menteeIndex.get(key.slice(0, separator));
    const j = mentorIndex.get(key.slice(separator + 1));
    if (i === undefined || j === undefined) continue;
    byMentee.set(i, [...(byMentee.get(i) ?? []), j]);
  }
  return byMentee;
}

/**
 * The fewest hundredths h with h / 100 ≥ minimumScore, as the pair path compares (so both agree
 * to the last bit), and never below 0: an excluded pair's EXCLUDED_PAIR (-1) is always under it.
 */
function lowestAllowedHundredths(minimumScore: number): number {
  // No score is above 100 (10,000 hundredths): above that, or NaN, nothing is allowed.
  if (!(minimumScore <= 100)) return 10_001;
  let lowest = Math.max(0, Math.ceil(minimumScore * 100));
  while (lowest > 0 && (lowest - 1) / 100 >= minimumScore) lowest -= 1;
  while (!(lowest / 100 >= minimumScore)) lowest += 1;
  return Math.max(lowest, EXCLUDED_PAIR + 1);
}
