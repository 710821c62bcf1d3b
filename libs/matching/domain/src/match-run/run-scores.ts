import type { MatchingProfile, MatchingRules, ScoringContext } from '../scoring/matching-profile';
import { compiledScoringFor, type CompiledScoring } from '../scoring/compiled-scoring';
import type { PreparedProfile } from '../scoring/prepared-profile';
import { createRowScorer, EXCLUDED_PAIR } from '../scoring/row-scorer';
import { scorePrepared } from '../scoring/score-pair';
import { NOT_ALLOWED } from '../solver/assignment-problem';
import { cachedScores, type CachedScores } from './score-cache';

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
): CachedScores {
  const { minimumScore } = scoring.rules;
  const lowest = lowestAllowedHundredths(minimumScore);
  const isTaken = (mentee: PreparedProfile, mentor: PreparedProfile) =>
    taken.size > 0 && taken.has(`${mentee.profile.participantId}|${mentor.profile.participantId}`);
  const takenMentors = takenMentorsByMentee(mentees, mentors, taken);
  const scoreRow = createRowScorer(scoring, mentors);
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
    {
      scoreRow: (i, out) => {
        scoreRow(mentees[i] as PreparedProfile, out);
        // Branch-free: `below` is all ones where the entry is under the lowest allowed score.
        for (let j = 0; j < mentors.length; j++) {
          const hundredths = out[j] as number;
          const below = (hundredths - lowest) >> 31;
          out[j] = (hundredths & ~below) | (NOT_ALLOWED & below);
        }
        for (const j of takenMentors.get(i) ?? []) out[j] = NOT_ALLOWED;
      },
    },
  );
}

/** The run's scores for profiles not yet prepared, with nothing taken out (what the bench solves). */
export function runScoresOf(
  mentees: readonly MatchingProfile[],
  mentors: readonly MatchingProfile[],
  rules: MatchingRules,
  context: ScoringContext,
): CachedScores {
  const scoring = compiledScoringFor(rules, context);
  return runScores(
    scoring,
    mentees.map((profile) => scoring.prepare(profile)),
    mentors.map((profile) => scoring.prepare(profile)),
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
