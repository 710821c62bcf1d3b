import fc from 'fast-check';
import { greedyAssignment } from './greedy-assignment';
import { solveAssignment } from './solve-assignment';
import { matrixProblem, type MatrixProblem } from './solver.test-kit';

/** Reference greedy: sort every allowed pair (score desc, mentee, mentor) and take while both have room. */
function sortAllGreedyTotal(problem: MatrixProblem): number {
  const pairs = problem.scores.flatMap((row, mentee) =>
    row.flatMap((score, mentor) =>
      score === null ? [] : [{ mentee, mentor, hundredths: Math.round(score * 100) }],
    ),
  );
  pairs.sort((a, b) => b.hundredths - a.hundredths || a.mentee - b.mentee || a.mentor - b.mentor);
  const menteeRoom = [...problem.menteeDemand];
  const mentorRoom = [...problem.mentorCapacity];
  let total = 0;
  for (const { mentee, mentor, hundredths } of pairs) {
    if ((menteeRoom[mentee] as number) === 0 || (mentorRoom[mentor] as number) === 0) continue;
    menteeRoom[mentee] = (menteeRoom[mentee] as number) - 1;
    mentorRoom[mentor] = (mentorRoom[mentor] as number) - 1;
    total += hundredths;
  }
  return total / 100;
}

// Wide rows (up to 30 mentors) and scarce capacity exhaust each mentee's first batch of
// demand + 8 mentors, so the rescanning path is exercised too.
const arbitraryWideProblem = fc
  .record({ mentees: fc.integer({ min: 1, max: 12 }), mentors: fc.integer({ min: 1, max: 30 }) })
  .chain(({ mentees, mentors }) =>
    fc.record({
      demand: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: mentees, maxLength: mentees }),
      capacity: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: mentors, maxLength: mentors }),
      scores: fc.array(
        fc.array(
          fc.option(
            fc.integer({ min: 0, max: 20 }).map((s) => s / 4),
            { freq: 4 },
          ),
          { minLength: mentors, maxLength: mentors },
        ),
        {
          minLength: mentees,
          maxLength: mentees,
        },
      ),
    }),
  )
  .map(({ demand, capacity, scores }) => matrixProblem(scores, demand, capacity));

describe('greedyAssignment', () => {
  it('equals sorting every allowed pair and taking those that still fit, and never beats the optimum', () => {
    fc.assert(
      fc.property(arbitraryWideProblem, (problem) => {
        const greedy = greedyAssignment(problem);
        expect(greedy.totalScore).toBe(sortAllGreedyTotal(problem));
        expect(greedy.totalScore).toBeLessThanOrEqual(solveAssignment(problem).totalScore);
      }),
      { numRuns: 400 },
    );
  });

  it('is beaten by the optimum when the top pair blocks two good ones', () => {
    const problem = matrixProblem(
      [
        [10, 9],
        [9, null],
      ],
      [1, 1],
      [1, 1],
    );
    expect(greedyAssignment(problem)).toEqual({
      pairs: [{ mentee: 0, mentor: 0, score: 10 }],
      totalScore: 10,
    });
    expect(solveAssignment(problem).totalScore).toBe(18);
  });
});
