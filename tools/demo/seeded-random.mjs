// A small seeded PRNG (mulberry32): the same seed gives the same demo organisation. Plain JS like
// the rest of the demo, which runs without a build; the same generator as @tandem/testing's seededRandom.
export function seededRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    some: (list, count) => [...list].sort(() => next() - 0.5).slice(0, count),
    chance: (probability) => next() < probability,
  };
}
