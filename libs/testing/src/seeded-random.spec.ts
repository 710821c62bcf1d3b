import { seededRandom } from './seeded-random';

describe('seededRandom', () => {
  const draws = (seed: number, count: number) => Array.from({ length: count }, seededRandom(seed));

  it('repeats its sequence for the same seed and changes it for another', () => {
    expect(draws(42, 100)).toEqual(draws(42, 100));
    expect(draws(43, 100)).not.toEqual(draws(42, 100));
  });

  it('draws in [0, 1), spread over the whole interval', () => {
    const values = draws(7, 10_000);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    const tenths = new Array<number>(10).fill(0);
    for (const value of values)
      tenths[Math.floor(value * 10)] = (tenths[Math.floor(value * 10)] as number) + 1;
    for (const count of tenths) expect(count).toBeGreaterThan(900);
  });
});
