import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import munkres from 'munkres';
// eslint-disable-next-line @nx/enforce-module-boundaries -- tools (scope:shared) benchmarks the matching domain's solver and scoring
import type { AssignmentProblem } from '@tandem/matching-domain';
import { secondsSince } from './bench-instance';
import { findScipyPython, type ScipyPython } from './scipy-python';

// Dense assignment solvers need one row per mentee and one column per mentor place (a mentor
// with capacity 3 is 3 columns). A forbidden pair scores 0, the same as leaving both unmatched,
// so with scores ≥ 0 the dense optimum equals the b-matching optimum when every mentee wants
// one mentor (with more, a mentee could take two places of the same mentor).

/** Dense matrices above this are skipped: 4 GB of float64. */
const denseBudgetCells = 5e8;
/** munkres is O(rows²·columns) in plain JS: beyond this it would dominate the whole bench. */
const munkresBudgetCells = 1e6;

export type BaselineResult =
  { readonly seconds: number; readonly totalScore: number } | { readonly skipped: string };

export interface DenseBaselines {
  readonly denseCells: number;
  readonly buildSeconds?: number;
  readonly munkres: BaselineResult;
  readonly scipy: BaselineResult;
}

export function runDenseBaselines(problem: AssignmentProblem): DenseBaselines {
  const rows = problem.menteeDemand.length;
  const columns = problem.mentorCapacity.reduce((sum, capacity) => sum + capacity, 0);
  const denseCells = rows * columns;
  const python = findScipyPython();
  const skipAll = (reason: string): DenseBaselines => ({
    denseCells,
    munkres: { skipped: reason },
    scipy: { skipped: reason },
  });
  if (problem.menteeDemand.some((demand) => demand !== 1))
    return skipAll('mentees want several mentors; a dense assignment cannot keep them distinct');
  if (denseCells > denseBudgetCells)
    return skipAll(`dense matrix of ${rows}×${columns} float64 exceeds the 4 GB budget`);
  const started = process.hrtime.bigint();
  const matrix = denseScores(problem, rows, columns);
  const buildSeconds = secondsSince(started);
  return {
    denseCells,
    buildSeconds,
    munkres:
      denseCells > munkresBudgetCells
        ? { skipped: `${denseCells} cells is beyond munkres' reach (O(n³) in JS)` }
        : runMunkres(matrix, rows, columns),
    scipy: python
      ? runScipy(python, matrix, rows, columns)
      : { skipped: 'no python3 that imports scipy, and pip could not install it' },
  };
}

function denseScores(problem: AssignmentProblem, rows: number, columns: number): Float64Array {
  const matrix = new Float64Array(rows * columns);
  for (let i = 0; i < rows; i++) {
    let column = i * columns;
    for (let j = 0; j < problem.mentorCapacity.length; j++) {
      const score = problem.score(i, j) ?? 0;
      for (let place = 0; place < (problem.mentorCapacity[j] as number); place++) matrix[column++] = score;
    }
  }
  return matrix;
}

function runMunkres(matrix: Float64Array, rows: number, columns: number): BaselineResult {
  // munkres minimises: negated scores, as row views over one buffer.
  const costs = Float64Array.from(matrix, (score) => -score);
  const view = Array.from({ length: rows }, (_, i) => costs.subarray(i * columns, (i + 1) * columns));
  const started = process.hrtime.bigint();
  const assignment = munkres(view);
  const seconds = secondsSince(started);
  const hundredths = assignment.reduce(
    (sum, [row, column]) => sum + Math.round((matrix[row * columns + column] as number) * 100),
    0,
  );
  return { seconds, totalScore: hundredths / 100 };
}

const scipyScript = `
import json, sys, time
import numpy as np
from scipy.optimize import linear_sum_assignment
rows, columns, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
scores = np.fromfile(path, dtype=np.float64).reshape(rows, columns)
started = time.perf_counter()
r, c = linear_sum_assignment(scores, maximize=True)
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "hundredths": int(np.rint(scores[r, c] * 100).sum())}))
`;

function runScipy(python: ScipyPython, matrix: Float64Array, rows: number, columns: number): BaselineResult {
  const folder = mkdtempSync(path.join(tmpdir(), 'tandem-bench-'));
  try {
    const file = path.join(folder, 'scores.f64');
    writeFileSync(file, new Uint8Array(matrix.buffer, matrix.byteOffset, matrix.byteLength));
    const run = spawnSync(python.command, ['-c', scipyScript, String(rows), String(columns), file], {
      env: python.env,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (run.status !== 0)
      return {
        skipped: `scipy failed: ${(run.stderr || run.error?.message || '').trim().split('\n').pop()}`,
      };
    const { seconds, hundredths } = JSON.parse(run.stdout) as { seconds: number; hundredths: number };
    return { seconds, totalScore: hundredths / 100 };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
