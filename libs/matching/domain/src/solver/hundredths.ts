// Scores have at most 2 decimals: the solver works in integer hundredths so sums and comparisons
// are exact (0.1 + 0.2 drift would otherwise break ties and the primal = dual check).

/** Tolerance for a score's binary representation: 12.34 * 100 is 1233.9999999999998. */
const representationError = 1e-6;

export function toHundredths(value: number, what: () => string): number {
  const scaled = value * 100;
  const hundredths = Math.round(scaled);
  if (!Number.isFinite(scaled) || Math.abs(scaled - hundredths) > representationError) {
    throw new RangeError(`${what()} is ${value}: expected a finite number with at most 2 decimals`);
  }
  return hundredths;
}

export const fromHundredths = (hundredths: number): number => hundredths / 100;
