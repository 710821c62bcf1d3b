// Draws built on a seeded generator (@tandem/testing's seededRandom), for generated organisations.

export const integerBetween = (random: () => number, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));

/** Index 0..count-1 with probability ∝ 1/(index+1)^exponent: a few items are very popular. */
export function zipfPicker(random: () => number, count: number, exponent: number): () => number {
  const cumulative = new Float64Array(count);
  let sum = 0;
  for (let k = 0; k < count; k++) cumulative[k] = sum += 1 / Math.pow(k + 1, exponent);
  return () => {
    const target = random() * sum;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

/** `count` distinct values from `pick` (which must be able to produce that many). */
export function distinct<T>(count: number, pick: () => T): T[] {
  const chosen = new Set<T>();
  while (chosen.size < count) chosen.add(pick());
  return [...chosen];
}
