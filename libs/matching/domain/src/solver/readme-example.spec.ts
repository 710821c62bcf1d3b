import { greedyAssignment, solveAssignment, verifyCertificate, type AssignmentProblem } from './index';

describe('the README example', () => {
  it('pairs both mentees where greedy would pair one, and proves it', () => {
    const scores = [
      [10, 9],
      [9, null],
    ];
    const problem: AssignmentProblem = {
      menteeDemand: [1, 1],
      mentorCapacity: [1, 1],
      score: (i, j) => scores[i]?.[j] ?? null,
    };
    const solution = solveAssignment(problem);
    expect(solution.pairs).toEqual([
      { mentee: 0, mentor: 1, score: 9 },
      { mentee: 1, mentor: 0, score: 9 },
    ]);
    expect(solution.totalScore).toBe(18);
    expect(greedyAssignment(problem).totalScore).toBe(10);
    expect(verifyCertificate(problem, solution)).toEqual({ valid: true, violations: [] });
  });
});
