/**
 * The test's own solver, independent of the one suppression uses: Gauss–Jordan elimination over
 * exact rationals (BigInt fractions) on the augmented system [A | b], where each equation says that
 * a published total minus the published cells of its line equals the sum of its suppressed cells.
 */
type Fraction = readonly [bigint, bigint]; // numerator, positive denominator

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const fraction = (n: bigint, d = 1n): Fraction => {
  const g = gcd(n, d) || 1n;
  const sign = d < 0n ? -1n : 1n;
  return [(sign * n) / g, (sign * d) / g];
};
const sub = ([a, b]: Fraction, [c, d]: Fraction) => fraction(a * d - c * b, b * d);
const mul = ([a, b]: Fraction, [c, d]: Fraction) => fraction(a * c, b * d);
const div = ([a, b]: Fraction, [c, d]: Fraction) => fraction(a * d, b * c);
const isZero = ([a]: Fraction) => a === 0n;

/**
 * Solves `rows` (coefficients of each unknown, then the right-hand side) and returns, for every
 * unknown the system determines, its value: an unknown is determined iff its pivot row has no
 * other non-zero coefficient after full reduction.
 */
export function solvedUnknowns(
  unknownCount: number,
  rows: readonly (readonly number[])[],
): Map<number, number> {
  const m = rows.map((row) => row.map((v) => fraction(BigInt(v))));
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < unknownCount && r < m.length; c += 1) {
    const p = m.findIndex((row, i) => i >= r && !isZero(row[c] as Fraction));
    if (p < 0) continue;
    [m[r], m[p]] = [m[p] as Fraction[], m[r] as Fraction[]];
    const pivotRow = m[r] as Fraction[];
    const pivot = pivotRow[c] as Fraction;
    for (let j = 0; j <= unknownCount; j += 1) pivotRow[j] = div(pivotRow[j] as Fraction, pivot);
    m.forEach((row, i) => {
      if (i === r || isZero(row[c] as Fraction)) return;
      const factor = row[c] as Fraction;
      for (let j = 0; j <= unknownCount; j += 1)
        row[j] = sub(row[j] as Fraction, mul(factor, pivotRow[j] as Fraction));
    });
    pivots.push(c);
    r += 1;
  }
  const solved = new Map<number, number>();
  pivots.forEach((c, i) => {
    const row = m[i] as Fraction[];
    const others = row.slice(0, unknownCount).filter((v, j) => j !== c && !isZero(v));
    const [n, d] = row[unknownCount] as Fraction;
    if (others.length === 0) solved.set(c, Number(n) / Number(d));
  });
  return solved;
}
