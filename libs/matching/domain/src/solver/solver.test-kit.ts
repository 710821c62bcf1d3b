import fc from 'fast-check';
import type { AssignmentProblem } from './assignment-problem';

/** A problem over an explicit score matrix (null = not allowed), with the matrix kept for reference checks. */
export interface MatrixProblem extends AssignmentProblem {
  readonly scores: readonly (readonly (number | null)[])[];
}

export function matrixProblem(
  scores: readonly (readonly (number | null)[])[],
  menteeDemand: readonly number[],
  mentorCapacity: readonly number[],
): MatrixProblem {
  return {
    scores,
    menteeDemand,
    mentorCapacity,
    score: (mentee, mentor) => scores[mentee]?.[mentor] ?? null,
  };
}

/** Scores with 2 decimals, sometimes from a tiny range so ties are common. */
const arbitraryScore = fc.oneof(
  fc.integer({ min: 0, max: 10_000 }).map((hundredths) => hundredths / 100),
  fc.integer({ min: 0, max: 3 }),
);

/** Up to 5 mentees × 4 mentors, demands 1–3, capacities 0–3, about a third of pairs forbidden. */
export const arbitrarySmallProblem: fc.Arbitrary<MatrixProblem> = fc
  .record({ mentees: fc.integer({ min: 1, max: 5 }), mentors: fc.integer({ min: 1, max: 4 }) })
  .chain(({ mentees, mentors }) =>
    fc.record({
      demand: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: mentees, maxLength: mentees }),
      capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: mentors, maxLength: mentors }),
      scores: fc.array(
        fc.array(fc.option(arbitraryScore, { freq: 3 }), { minLength: mentors, maxLength: mentors }),
        { minLength: mentees, maxLength: mentees },
      ),
    }),
  )
  .map(({ demand, capacity, scores }) => matrixProblem(scores, demand, capacity));

/**
 * The optimum by exhaustive search: every subset of allowed mentors for each mentee in turn,
 * memoised on the capacities left (at most 4^4 states), in integer hundredths.
 */
export function bruteForceOptimum(problem: MatrixProblem): number {
  const m = problem.mentorCapacity.length;
  const memo = new Map<string, number>();
  const best = (mentee: number, room: readonly number[]): number => {
    if (mentee === problem.menteeDemand.length) return 0;
    const key = `${mentee}:${room.join(',')}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result = -Infinity;
    for (let subset = 0; subset < 1 << m; subset++) {
      const mentors = Array.from({ length: m }, (_, j) => j).filter((j) => subset & (1 << j));
      if (mentors.length > (problem.menteeDemand[mentee] as number)) continue;
      if (mentors.some((j) => problem.scores[mentee]?.[j] == null || (room[j] as number) === 0)) continue;
      const gained = mentors.reduce(
        (sum, j) => sum + Math.round((problem.scores[mentee]?.[j] as number) * 100),
        0,
      );
      const left = room.map((r, j) => (mentors.includes(j) ? r - 1 : r));
      result = Math.max(result, gained + best(mentee + 1, left));
    }
    memo.set(key, result);
    return result;
  };
  return best(0, problem.mentorCapacity) / 100;
}
