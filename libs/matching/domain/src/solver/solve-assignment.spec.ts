import fc from 'fast-check';
import { solveAssignment } from './solve-assignment';
import {
  arbitrarySmallProblem,
  bruteForceOptimum,
  matrixProblem,
  type MatrixProblem,
} from './solver.test-kit';
import type { SolveProgress } from './assignment-problem';

describe('solveAssignment', () => {
  it('finds the brute-force optimum on small random problems', () => {
    fc.assert(
      fc.property(arbitrarySmallProblem, (problem) => {
        expect(solveAssignment(problem).totalScore).toBe(bruteForceOptimum(problem));
      }),
      { numRuns: 2500 },
    );
  });

  it('still finds the optimum when the first solve sees only demand and capacity candidates and pricing must score the rest', () => {
    fc.assert(
      fc.property(arbitrarySmallProblem, (problem) => {
        expect(solveAssignment(problem, sparsest).totalScore).toBe(bruteForceOptimum(problem));
      }),
      { numRuns: 2500 },
    );
  });

  it('finds the same optimum with the auction warm start turned off (shortest paths alone)', () => {
    fc.assert(
      fc.property(arbitrarySmallProblem, (problem) => {
        expect(solveAssignment(problem, { auctionBidsPerMentee: 0 }).totalScore).toBe(
          bruteForceOptimum(problem),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('respects demand, capacity and allowed pairs, assigns each pair once and reports the problem scores', () => {
    fc.assert(
      fc.property(arbitrarySmallProblem, (problem) => {
        const { pairs, totalScore } = solveAssignment(problem, sparsest);
        const keys = pairs.map(({ mentee, mentor }) => `${mentee}|${mentor}`);
        expect(new Set(keys).size).toBe(keys.length);
        problem.menteeDemand.forEach((demand, i) =>
          expect(pairs.filter((p) => p.mentee === i).length).toBeLessThanOrEqual(demand),
        );
        problem.mentorCapacity.forEach((capacity, j) =>
          expect(pairs.filter((p) => p.mentor === j).length).toBeLessThanOrEqual(capacity),
        );
        for (const pair of pairs) expect(pair.score).toBe(problem.score(pair.mentee, pair.mentor));
        expect(Math.round(totalScore * 100)).toBe(
          pairs.reduce((sum, pair) => sum + Math.round(pair.score * 100), 0),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('gives identical pairs for the same input, and the same total when mentees and mentors are reordered', () => {
    const reordered = arbitrarySmallProblem.chain((problem) =>
      fc.record({
        problem: fc.constant(problem),
        menteeOrder: fc.shuffledSubarray(range(problem.menteeDemand.length), {
          minLength: problem.menteeDemand.length,
        }),
        mentorOrder: fc.shuffledSubarray(range(problem.mentorCapacity.length), {
          minLength: problem.mentorCapacity.length,
        }),
      }),
    );
    fc.assert(
      fc.property(reordered, ({ problem, menteeOrder, mentorOrder }) => {
        const first = solveAssignment(problem);
        expect(solveAssignment(problem)).toEqual(first);
        const shuffled = matrixProblem(
          menteeOrder.map((i) => mentorOrder.map((j) => problem.scores[i]?.[j] ?? null)),
          menteeOrder.map((i) => problem.menteeDemand[i] as number),
          mentorOrder.map((j) => problem.mentorCapacity[j] as number),
        );
        expect(solveAssignment(shuffled).totalScore).toBe(first.totalScore);
      }),
      { numRuns: 500 },
    );
  });

  it('adds pairs outside the initial top mentors when the optimum needs them', () => {
    // Ten identical mentees rank mentors 0..9 the same way; each mentor takes one mentee. The first
    // solve sees mentors 0–2 for every mentee (demand 1 + 2 extra) and mentees 0–2 for every
    // mentor (capacity 1 + 2 extra): at most 6 pairs, so the other 4 must be priced in.
    const problem = matrixProblem(
      range(10).map(() => range(10).map((j) => 100 - j)),
      range(10).map(() => 1),
      range(10).map(() => 1),
    );
    const solution = solveAssignment(problem);
    expect(solution.totalScore).toBe(955);
    expect(solution.stats.pricingRounds).toBeGreaterThan(1);
    expect(solution.stats.candidatePairs).toBeGreaterThan(51);
    expect(new Set(solution.pairs.map((pair) => pair.mentor))).toEqual(new Set(range(10)));
  });

  it('reports progress through candidates, solve and pricing, each ending with done = total', () => {
    const progress: SolveProgress[] = [];
    solveAssignment(tinyProblem(), { onProgress: (p) => progress.push(p) });
    for (const phase of ['candidates', 'solve', 'pricing'] as const) {
      const last = progress.filter((p) => p.phase === phase).at(-1);
      expect(last).toBeDefined();
      expect(last?.done).toBe(last?.total);
    }
  });

  it('rejects scores with more than 2 decimals and demands that are not whole numbers', () => {
    expect(() => solveAssignment(matrixProblem([[1.005]], [1], [1]))).toThrow('score(0, 0) is 1.005');
    expect(() => solveAssignment(matrixProblem([[1]], [1.5], [1]))).toThrow('menteeDemand[0] is 1.5');
  });
});

// Nothing beyond demand and capacity in the first solve and nothing priced from memory: every
// other pair has to come from pricing's own score calls.
const sparsest = {
  extraCandidatesPerMentee: 0,
  extraCandidatesPerMentor: 0,
  reservedPairsPerMentee: 0,
  reservedPairsPerMentor: 0,
};
const range = (length: number) => Array.from({ length }, (_, k) => k);

function tinyProblem(): MatrixProblem {
  return matrixProblem(
    [
      [10, 9.5, null],
      [10, 1.25, 3],
    ],
    [1, 2],
    [1, 1, 1],
  );
}
