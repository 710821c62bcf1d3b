/**
 * Which unknowns a system of linear equations fixes, whatever the known right-hand sides are.
 * Each equation is a list of unknowns (indices) whose sum is known. Exact: the equations are brought
 * to reduced row echelon form over the integers (fraction-free, each row divided by its gcd, so no
 * rounding can hide or invent a solution). An unknown is determined iff it is a pivot whose reduced
 * row names no other unknown: any other unknown can move along the system's null space.
 */
export function determinedUnknowns(equations: readonly (readonly number[])[]): Set<number> {
  const basis = new Map<number, Map<number, bigint>>(); // pivot → fully reduced row
  for (const equation of equations) {
    let row = new Map<number, bigint>();
    for (const unknown of equation) row.set(unknown, (row.get(unknown) ?? 0n) + 1n);
    for (const [pivot, pivotRow] of basis) if (row.has(pivot)) row = eliminate(row, pivot, pivotRow);
    const pivot = firstOf(row);
    if (pivot === undefined) continue;
    for (const [other, otherRow] of basis) {
      if (otherRow.has(pivot)) basis.set(other, eliminate(otherRow, pivot, row));
    }
    basis.set(pivot, row);
  }
  const determined = new Set<number>();
  for (const [pivot, row] of basis) if (row.size === 1) determined.add(pivot);
  return determined;
}

/** `row · p − pivotRow · row[pivot]` (p = pivotRow[pivot]), which clears `pivot`, divided by its gcd. */
function eliminate(
  row: ReadonlyMap<number, bigint>,
  pivot: number,
  pivotRow: ReadonlyMap<number, bigint>,
): Map<number, bigint> {
  const factor = row.get(pivot) ?? 0n;
  const scale = pivotRow.get(pivot) ?? 1n;
  const result = new Map<number, bigint>();
  for (const [column, value] of row) result.set(column, value * scale);
  for (const [column, value] of pivotRow) {
    const next = (result.get(column) ?? 0n) - value * factor;
    if (next === 0n) result.delete(column);
    else result.set(column, next);
  }
  return normalised(result);
}

function normalised(row: Map<number, bigint>): Map<number, bigint> {
  let divisor = 0n;
  for (const value of row.values()) divisor = gcd(divisor, value < 0n ? -value : value);
  if (divisor > 1n) for (const [column, value] of row) row.set(column, value / divisor);
  return row;
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

function firstOf(row: ReadonlyMap<number, bigint>): number | undefined {
  let first: number | undefined;
  for (const column of row.keys()) if (first === undefined || column < first) first = column;
  return first;
}
