import fc from 'fast-check';
import { auctionWarmStart } from './auction-warm-start';
import { FlowNetwork } from './flow-network';
import type { ReservedPairs } from './initial-candidates';
import { arbitrarySmallProblem, matrixProblem, type MatrixProblem } from './solver.test-kit';

/** Each mentee's allowed pairs: the first `candidates` by mentor index join the network, the rest the reserve (best first). */
function warmStarted(problem: MatrixProblem, candidates: number) {
  const network = new FlowNetwork(
    Int32Array.from(problem.menteeDemand),
    Int32Array.from(problem.mentorCapacity),
  );
  const reserved: { mentor: number; score: number }[][] = [];
  problem.scores.forEach((row, i) => {
    reserved[i] = [];
    let taken = 0;
    row.forEach((score, j) => {
      if (score === null || (problem.mentorCapacity[j] as number) === 0) return;
      const hundredths = Math.round(score * 100);
      if (taken++ < candidates) network.addPair(i, j, hundredths);
      else reserved[i]?.push({ mentor: j, score: hundredths });
    });
  });
  // The reserve's contract: each mentee's entries best first.
  for (const row of reserved) row.sort((a, b) => b.score - a.score || a.mentor - b.mentor);
  const start = new Int32Array(reserved.length + 1);
  reserved.forEach((row, i) => (start[i + 1] = (start[i] as number) + row.length));
  const flat = reserved.flat();
  const reserve: ReservedPairs = {
    start,
    mentor: Int32Array.from(flat, (entry) => entry.mentor),
    score: Float64Array.from(flat, (entry) => entry.score),
    added: new Uint8Array(flat.length),
  };
  const placed = auctionWarmStart(network, reserve, 32);
  return { network, reserve, placed };
}

/** Every way the warm start could break the potential invariant, as readable strings. */
function invariantBreaks(network: FlowNetwork, reserve: ReservedPairs): string[] {
  const breaks: string[] = [];
  const { pairs } = network;
  for (let j = 0; j < network.capacity.length; j++) {
    const v = network.mentorPotential(j);
    const assigned = (network.mentorAssigned[j] as number[]).length;
    if (v < 0) breaks.push(`mentor ${j}: v = ${v} < 0`);
    if (assigned !== network.sinkFlow[j])
      breaks.push(`mentor ${j}: ${assigned} assigned, sink flow ${network.sinkFlow[j]}`);
    if (assigned > (network.capacity[j] as number)) breaks.push(`mentor ${j}: over capacity`);
    if (assigned < (network.capacity[j] as number) && v !== 0)
      breaks.push(`mentor ${j}: has room but v = ${v}`);
  }
  for (let i = 0; i < network.menteeCount; i++) {
    const mine = network.menteePairs[i] as number[];
    const held = mine.filter((pair) => pairs.flow[pair] === 1);
    if (held.length === 0) continue;
    if (network.demand[i] !== 1 || held.length !== 1) breaks.push(`mentee ${i}: ${held.length} pairs placed`);
    const u = network.menteePotential(i);
    if (u < 0) breaks.push(`mentee ${i}: u = ${u} < 0`);
    for (const pair of mine) {
      const slack = u + network.mentorPotential(pairs.mentor[pair] as number) - (pairs.score[pair] as number);
      if (pairs.flow[pair] === 1 ? slack !== 0 : slack < 0)
        breaks.push(`mentee ${i}, pair ${pair}: slack ${slack}`);
    }
    for (let e = reserve.start[i] as number; e < (reserve.start[i + 1] as number); e++) {
      const slack = u + network.mentorPotential(reserve.mentor[e] as number) - (reserve.score[e] as number);
      if (reserve.added[e] === 0 && slack < 0)
        breaks.push(`mentee ${i}, reserved mentor ${reserve.mentor[e]}: slack ${slack}`);
    }
  }
  return breaks;
}

describe('auctionWarmStart', () => {
  it('leaves every residual arc with reduced cost ≥ 0, reserve included, on random small problems', () => {
    fc.assert(
      fc.property(arbitrarySmallProblem, fc.integer({ min: 0, max: 4 }), (problem, candidates) => {
        const { network, reserve } = warmStarted(problem, candidates);
        expect(invariantBreaks(network, reserve)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a contested mentor for the mentee who values it more and prices the other out', () => {
    // Both want mentor 0 (one place). Mentee 0 has no other option and would pay up to 10;
    // mentee 1 would pay up to 3 (8 there against 5 at mentor 1). Mentee 0 keeps the place, the
    // price rises to 10, and mentee 1 takes mentor 1.
    const problem = matrixProblem(
      [
        [10, null],
        [8, 5],
      ],
      [1, 1],
      [1, 1],
    );
    const { network, placed } = warmStarted(problem, 2);
    const pairs = [0, 1].map((i) =>
      (network.menteePairs[i] as number[]).find((p) => network.pairs.flow[p] === 1),
    );
    expect(pairs.map((p) => network.pairs.mentor[p as number])).toEqual([0, 1]);
    expect(network.mentorPotential(0)).toBe(1000);
    expect(network.menteePotential(0)).toBe(0);
    expect(network.menteePotential(1)).toBe(500);
    expect(placed).toBe(2);
  });

  it('moves a reserved pair into the network when the auction assigns it', () => {
    const problem = matrixProblem([[4, 9]], [1], [1, 1]);
    const { network, reserve } = warmStarted(problem, 1);
    const [placedPair] = (network.menteePairs[0] as number[]).filter((p) => network.pairs.flow[p] === 1);
    expect(network.pairs.mentor[placedPair as number]).toBe(1);
    expect(Array.from(reserve.added)).toEqual([1]);
  });
});
