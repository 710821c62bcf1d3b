import fc from 'fast-check';
import { cachedScores } from '../match-run/score-cache';
import { NOT_ALLOWED, type AssignmentProblem, type AssignmentSolution } from './assignment-problem';
import { solveAssignment } from './solve-assignment';
import { arbitrarySmallProblem, matrixProblem } from './solver.test-kit';
import { verifyCertificate } from './verify-certificate';

describe('verifyCertificate', () => {
  it('accepts every solver result', () => {
    fc.assert(
      fc.property(
        arbitrarySmallProblem,
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 2 }),
        (problem, extraCandidatesPerMentee, extraCandidatesPerMentor, reserved) => {
          const solution = solveAssignment(problem, {
            extraCandidatesPerMentee,
            extraCandidatesPerMentor,
            reservedPairsPerMentee: reserved,
            reservedPairsPerMentor: reserved,
          });
          expect(verifyCertificate(problem, solution)).toEqual({ valid: true, violations: [] });
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('rejects the certificate once any scoring pair is dropped from the assignment', () => {
    fc.assert(
      fc.property(arbitrarySmallProblem, fc.nat(), (problem, pick) => {
        const solution = solveAssignment(problem);
        const scoring = solution.pairs.filter((pair) => pair.score > 0);
        fc.pre(scoring.length > 0);
        const dropped = scoring[pick % scoring.length];
        const check = verifyCertificate(problem, {
          ...solution,
          pairs: solution.pairs.filter((pair) => pair !== dropped),
        });
        expect(check.valid).toBe(false);
        expect(check.violations.join('\n')).toMatch(/dual objective .* differs from the assignment's total/);
      }),
      { numRuns: 500 },
    );
  });

  // Mentee 0 fits mentor 0, mentee 1 fits mentor 1; the swap is feasible but scores 2 instead of 20.
  const crossed = matrixProblem(
    [
      [10, 1],
      [1, 10],
    ],
    [1, 1],
    [1, 1],
  );

  it('rejects a feasible but worse pairing with the optimal duals', () => {
    const optimal = solveAssignment(crossed);
    const swapped = [
      { mentee: 0, mentor: 1, score: 1 },
      { mentee: 1, mentor: 0, score: 1 },
    ];
    const check = verifyCertificate(crossed, { pairs: swapped, certificate: optimal.certificate });
    expect(check.valid).toBe(false);
    expect(check.violations).toContain(
      "dual objective 20 (Σ demand·u + Σ capacity·v + Σ w) differs from the assignment's total 2",
    );
  });

  /** The problem's scores also by row: all kept, or (past the cache's limit) only their upper bounds. */
  const byRows = (problem: AssignmentProblem, keep: 'scores' | 'bounds'): AssignmentProblem => {
    const m = problem.mentorCapacity.length;
    const scoreRow = (mentee: number, out: Int32Array) => {
      for (let j = 0; j < m; j++) {
        const score = problem.score(mentee, j);
        out[j] = score === null ? NOT_ALLOWED : Math.round(score * 100);
      }
    };
    return {
      ...problem,
      ...cachedScores(problem.menteeDemand.length, m, problem.score, {
        scoreRow,
        ...(keep === 'bounds' ? { maxPairs: 0 } : {}),
      }),
    };
  };

  it.each(['scores', 'bounds'] as const)(
    'accepts every solver result and refuses a lowered potential, reading the %s kept by row',
    (keep) => {
      fc.assert(
        fc.property(arbitrarySmallProblem, fc.nat(), fc.integer({ min: 1, max: 150 }), (plain, pick, cut) => {
          const problem = byRows(plain, keep);
          const solution = solveAssignment(problem);
          expect(verifyCertificate(problem, solution)).toEqual({ valid: true, violations: [] });
          const u = [...solution.certificate.menteePotentials];
          fc.pre(u.length > 0);
          const mentee = pick % u.length;
          // A mentee whose potential is tight on some allowed pair loses its certificate when lowered.
          const tight = Array.from({ length: problem.mentorCapacity.length }, (_, j) => j).some((j) => {
            const s = plain.score(mentee, j);
            const w =
              solution.certificate.pairPotentials.find((p) => p.mentee === mentee && p.mentor === j)?.value ??
              0;
            return (
              s !== null &&
              Math.round((u[mentee] as number) * 100) +
                Math.round((solution.certificate.mentorPotentials[j] as number) * 100) +
                Math.round(w * 100) <
                Math.round(s * 100) + cut
            );
          });
          u[mentee] = Math.round((u[mentee] as number) * 100 - cut) / 100;
          fc.pre(u[mentee] >= 0);
          const check = verifyCertificate(problem, {
            ...solution,
            certificate: { ...solution.certificate, menteePotentials: u },
          });
          if (tight)
            expect(check.violations.join('\n')).toMatch(/dual constraint u_i \+ v_j \+ w_ij ≥ s_ij broken/);
          else expect(check.violations.join('\n')).not.toMatch(/dual constraint/);
        }),
        { numRuns: 500 },
      );
    },
  );

  it('names the pair whose dual constraint a lowered potential breaks', () => {
    const optimal = solveAssignment(crossed);
    const u = [...optimal.certificate.menteePotentials];
    u[0] = (u[0] as number) - 0.5;
    const check = verifyCertificate(crossed, {
      ...optimal,
      certificate: { ...optimal.certificate, menteePotentials: u },
    });
    expect(check.valid).toBe(false);
    expect(check.violations[0]).toMatch(
      /^pair \(mentee 0, mentor 0\) scores 10 but u \+ v \+ w = 9\.5: dual constraint u_i \+ v_j \+ w_ij ≥ s_ij broken$/,
    );
  });

  it('names every broken primal condition: capacity, demand, repeats, forbidden pairs and misreported scores', () => {
    const problem = matrixProblem(
      [
        [5, null],
        [4, 3],
      ],
      [1, 1],
      [1, 1],
    );
    const pairs = [
      { mentee: 0, mentor: 0, score: 5 },
      { mentee: 1, mentor: 0, score: 4 },
      { mentee: 1, mentor: 0, score: 4 },
      { mentee: 0, mentor: 1, score: 0 },
      { mentee: 1, mentor: 1, score: 9 },
    ];
    const { violations } = verifyCertificate(problem, {
      pairs,
      certificate: solveAssignment(problem).certificate,
    });
    expect(violations).toEqual(
      expect.arrayContaining([
        'pair (mentee 1, mentor 0) is assigned more than once',
        'pair (mentee 0, mentor 1) is not allowed (score is null)',
        'pair (mentee 1, mentor 1) reports score 9 but the problem scores it 3',
        'mentee 0 has 2 mentors, more than its demand 1',
        'mentee 1 has 3 mentors, more than its demand 1',
        'mentor 0 has 3 mentees, more than its capacity 1',
      ]),
    );
  });

  it('rejects negative potentials, values finer than hundredths and certificates of the wrong size', () => {
    const solution = solveAssignment(crossed);
    const withPotentials = (
      menteePotentials: number[],
    ): Pick<AssignmentSolution, 'pairs' | 'certificate'> => ({
      ...solution,
      certificate: { ...solution.certificate, menteePotentials },
    });
    expect(verifyCertificate(crossed, withPotentials([-1, 20])).violations).toContain(
      'potential u of mentee 0 is -1: must be ≥ 0 with at most 2 decimals',
    );
    expect(verifyCertificate(crossed, withPotentials([10.001, 10])).violations).toContain(
      'potential u of mentee 0 is 10.001: must be ≥ 0 with at most 2 decimals',
    );
    expect(verifyCertificate(crossed, withPotentials([10])).violations).toEqual([
      'certificate has 1 mentee and 2 mentor potentials for 2 mentees and 2 mentors',
    ]);
  });
});
