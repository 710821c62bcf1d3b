import type { AssignmentProblem, AssignmentSolution, CertificateCheck } from './assignment-problem';

// Deliberately independent of the solver: it trusts nothing but the problem, re-derives every
// figure from problem.score (or its rows, when it gives them), and reads each allowed pair once
// (streaming, no mentees × mentors memory). Values are compared in integer hundredths so
// equality is exact.

const maxListed = 20;

/**
 * Checks that the pairs are a feasible assignment and that the certificate is a feasible LP dual
 * whose objective equals the pairs' total, which proves no feasible assignment scores more.
 */
export function verifyCertificate(
  problem: AssignmentProblem,
  solution: Pick<AssignmentSolution, 'pairs' | 'certificate'>,
): CertificateCheck {
  const violations = new ViolationList();
  const primal = checkPrimal(problem, solution.pairs, violations);
  const dual = checkDualValues(problem, solution.certificate, violations);
  if (dual) {
    checkEveryAllowedPair(problem, dual, violations);
    if (primal !== null && primal !== dual.objective) {
      violations.add(
        `dual objective ${dual.objective / 100} (Σ demand·u + Σ capacity·v + Σ w) differs from the assignment's total ${primal / 100}`,
      );
    }
  }
  return { valid: violations.count === 0, violations: violations.list() };
}

class ViolationList {
  count = 0;
  private readonly listed: string[] = [];

  add(violation: string): void {
    this.count += 1;
    if (this.listed.length < maxListed) this.listed.push(violation);
  }

  list(): string[] {
    return this.count > this.listed.length
      ? [...this.listed, `…and ${this.count - this.listed.length} more`]
      : this.listed;
  }
}

function hundredthsOf(value: number): number | null {
  const scaled = value * 100;
  const rounded = Math.round(scaled);
  return Number.isFinite(scaled) && Math.abs(scaled - rounded) <= 1e-6 ? rounded : null;
}

const isIndex = (value: number, length: number) => Number.isInteger(value) && value >= 0 && value < length;

/** Feasibility of the pairs; returns their total in hundredths, or null when a score is unusable. */
function checkPrimal(
  problem: AssignmentProblem,
  pairs: AssignmentSolution['pairs'],
  violations: ViolationList,
): number | null {
  const n = problem.menteeDemand.length;
  const m = problem.mentorCapacity.length;
  const menteeLoad = new Map<number, number>();
  const mentorLoad = new Map<number, number>();
  const seen = new Set<number>();
  let total: number | null = 0;
  for (const { mentee, mentor, score } of pairs) {
    const name = `pair (mentee ${mentee}, mentor ${mentor})`;
    if (!isIndex(mentee, n) || !isIndex(mentor, m)) {
      violations.add(`${name} refers to no such mentee or mentor`);
      total = null;
      continue;
    }
    const key = mentee * m + mentor;
    if (seen.has(key)) violations.add(`${name} is assigned more than once`);
    seen.add(key);
    menteeLoad.set(mentee, (menteeLoad.get(mentee) ?? 0) + 1);
    mentorLoad.set(mentor, (mentorLoad.get(mentor) ?? 0) + 1);
    const allowed = problem.score(mentee, mentor);
    const allowedHundredths = allowed === null ? null : hundredthsOf(allowed);
    if (allowed === null) violations.add(`${name} is not allowed (score is null)`);
    else if (allowedHundredths === null)
      violations.add(`${name} has score ${allowed}, not a number with at most 2 decimals`);
    else if (hundredthsOf(score) !== allowedHundredths)
      violations.add(`${name} reports score ${score} but the problem scores it ${allowed}`);
    if (allowedHundredths === null || total === null) total = null;
    else total += allowedHundredths;
  }
  for (const [mentee, load] of menteeLoad) {
    const demand = problem.menteeDemand[mentee] as number;
    if (load > demand) violations.add(`mentee ${mentee} has ${load} mentors, more than its demand ${demand}`);
  }
  for (const [mentor, load] of mentorLoad) {
    const capacity = problem.mentorCapacity[mentor] as number;
    if (load > capacity)
      violations.add(`mentor ${mentor} has ${load} mentees, more than its capacity ${capacity}`);
  }
  return total;
}

interface DualValues {
  readonly u: Float64Array;
  readonly v: Float64Array;
  /** w per mentee: mentor → w, in hundredths. */
  readonly w: Map<number, Map<number, number>>;
  readonly objective: number;
}

/** Shape, sign and units of u, v, w, and the dual objective; null when unusable. */
function checkDualValues(
  problem: AssignmentProblem,
  certificate: AssignmentSolution['certificate'],
  violations: ViolationList,
): DualValues | null {
  const n = problem.menteeDemand.length;
  const m = problem.mentorCapacity.length;
  const { menteePotentials, mentorPotentials, pairPotentials } = certificate;
  if (menteePotentials.length !== n || mentorPotentials.length !== m) {
    violations.add(
      `certificate has ${menteePotentials.length} mentee and ${mentorPotentials.length} mentor potentials for ${n} mentees and ${m} mentors`,
    );
    return null;
  }
  let usable = true;
  const nonNegativeHundredths = (value: number, name: string): number => {
    const hundredths = hundredthsOf(value);
    if (hundredths === null || hundredths < 0) {
      violations.add(`${name} is ${value}: must be ≥ 0 with at most 2 decimals`);
      usable = false;
      return 0;
    }
    return hundredths;
  };
  let objective = 0;
  const u = Float64Array.from(menteePotentials, (value, i) =>
    nonNegativeHundredths(value, `potential u of mentee ${i}`),
  );
  const v = Float64Array.from(mentorPotentials, (value, j) =>
    nonNegativeHundredths(value, `potential v of mentor ${j}`),
  );
  for (let i = 0; i < n; i++) objective += (problem.menteeDemand[i] as number) * (u[i] as number);
  for (let j = 0; j < m; j++) objective += (problem.mentorCapacity[j] as number) * (v[j] as number);
  const w = new Map<number, Map<number, number>>();
  for (const { mentee, mentor, value } of pairPotentials) {
    const name = `pair potential w of (mentee ${mentee}, mentor ${mentor})`;
    if (!isIndex(mentee, n) || !isIndex(mentor, m)) {
      violations.add(`${name} refers to no such mentee or mentor`);
      usable = false;
      continue;
    }
    const row = w.get(mentee) ?? new Map<number, number>();
    w.set(mentee, row);
    if (row.has(mentor)) violations.add(`${name} is given more than once`);
    const hundredths = nonNegativeHundredths(value, name);
    row.set(mentor, (row.get(mentor) ?? 0) + hundredths);
    objective += hundredths;
  }
  return usable ? { u, v, w, objective } : null;
}

/**
 * u_i + v_j + w_ij ≥ s_ij for every allowed pair, one row at a time: from the problem's rows of
 * scores when it gives them; else from its rows of upper bounds, scoring exactly only the pairs a
 * bound cannot settle; else pair by pair.
 */
function checkEveryAllowedPair(
  problem: AssignmentProblem,
  dual: DualValues,
  violations: ViolationList,
): void {
  const n = problem.menteeDemand.length;
  const m = problem.mentorCapacity.length;
  const upperBounds = problem.scoreRowUpperBoundsInHundredths;
  const exactRow = upperBounds ? undefined : problem.scoreRowInHundredths;
  const rowOf = upperBounds ?? exactRow ?? ((_mentee: number, out: Int32Array) => out.fill(0x7fffffff));
  const row = new Int32Array(m);
  const noBonus = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const u = dual.u[i] as number;
    const bonus = dual.w.get(i) ?? noBonus;
    rowOf(i, row);
    const { v } = dual;
    for (let j = 0; j < m; j++) {
      // w ≥ 0, so u + v alone settles most pairs; NOT_ALLOWED is below any of them.
      if (u + (v[j] as number) >= (row[j] as number)) continue;
      const covered = u + (v[j] as number) + (bonus.get(j) ?? 0);
      if (covered >= (row[j] as number)) continue;
      if (exactRow) violations.add(brokenConstraint(i, j, row[j] as number, covered));
      else checkPair(problem, i, j, covered, violations);
    }
  }
}

function checkPair(
  problem: AssignmentProblem,
  i: number,
  j: number,
  covered: number,
  violations: ViolationList,
): void {
  const score = problem.score(i, j);
  if (score === null) return;
  const s = hundredthsOf(score);
  if (s === null)
    violations.add(
      `pair (mentee ${i}, mentor ${j}) has score ${score}, not a number with at most 2 decimals`,
    );
  else if (covered < s) violations.add(brokenConstraint(i, j, s, covered));
}

const brokenConstraint = (i: number, j: number, s: number, covered: number) =>
  `pair (mentee ${i}, mentor ${j}) scores ${s / 100} but u + v + w = ${covered / 100}: dual constraint u_i + v_j + w_ij ≥ s_ij broken`;
