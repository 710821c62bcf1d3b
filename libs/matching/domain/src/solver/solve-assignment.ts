import type {
  AssignedPair,
  AssignmentProblem,
  AssignmentSolution,
  OptimalityCertificate,
  PairPotential,
  SolveOptions,
  SolveProgress,
} from './assignment-problem';
import { auctionWarmStart } from './auction-warm-start';
import { FlowNetwork } from './flow-network';
import { fromHundredths } from './hundredths';
import {
  addInitialCandidates,
  hundredthsRowScorer,
  hundredthsScorer,
  type ScoreBounds,
} from './initial-candidates';
import { findViolatedPairs } from './pricing';
import { ShortestAugmentingPath } from './shortest-augmenting-path';

const defaults = {
  extraCandidatesPerMentee: 2,
  extraCandidatesPerMentor: 2,
  reservedPairsPerMentee: 32,
  reservedPairsPerMentor: 32,
  auctionBidsPerMentee: 32,
};
/**
 * Violated pairs added per mentee in the first pricing round, doubled every round up to the cap:
 * few keep the graph sparse when the candidates were nearly enough; doubling bounds the rounds
 * (each scores what the bounds cannot rule out) when scores tie widely and the optimum needs many.
 */
const violationsPerMentee = 2;
const maxViolationsPerMentee = 64;
/** Progress is reported every this many rows or augmentations, so callbacks stay cheap. */
const progressEvery = 1024;

/**
 * Exact max-score assignment by min-cost flow (successive shortest paths with potentials) on a
 * sparse candidate graph, with column generation: solve on each mentee's top mentors, price out
 * every allowed pair with the duals, add the violated ones, re-solve warm, until none is violated.
 * The final potentials are the LP dual, returned as the optimality certificate.
 */
export function solveAssignment(problem: AssignmentProblem, options: SolveOptions = {}): AssignmentSolution {
  const network = new FlowNetwork(
    countsOf(problem.menteeDemand, 'menteeDemand'),
    countsOf(problem.mentorCapacity, 'mentorCapacity'),
  );
  const counter = { calls: 0 };
  const score = hundredthsScorer(problem, counter);
  const report = progressReporter(options.onProgress);
  const n = network.menteeCount;
  const extraPerMentee = options.extraCandidatesPerMentee ?? defaults.extraCandidatesPerMentee;
  const extraPerMentor = options.extraCandidatesPerMentor ?? defaults.extraCandidatesPerMentor;
  const bounds = addInitialCandidates(
    network,
    hundredthsRowScorer(problem, counter),
    {
      extraPerMentee,
      extraPerMentor,
      reservePerMentee: options.reservedPairsPerMentee ?? defaults.reservedPairsPerMentee,
      reservePerMentor: options.reservedPairsPerMentor ?? defaults.reservedPairsPerMentor,
    },
    (done) => report('candidates', done, n),
  );
  report('solve', 0, network.totalDemand);
  auctionWarmStart(network, bounds.reserve, options.auctionBidsPerMentee ?? defaults.auctionBidsPerMentee);
  const paths = new ShortestAugmentingPath(network);
  // One callback each for the whole solve: a new closure per round would make the engine
  // throw away code it optimised for the previous one.
  const onRouted = (done: number, total: number) => report('solve', done, total);
  const onPriced = (done: number) => report('pricing', done, n);
  let augmentations = routeAllExcess(network, paths, onRouted);
  let pricingRounds = 0;
  for (let perMentee = violationsPerMentee; ; perMentee = Math.min(perMentee * 2, maxViolationsPerMentee)) {
    network.clampPotentials();
    pricingRounds += 1;
    const violated = findViolatedPairs(network, bounds, score, perMentee, onPriced);
    if (violated.length === 0) break;
    for (const pair of violated) network.addPair(pair.mentee, pair.mentor, pair.score);
    // Re-solve warm: only mentees with a violated pair are routed again.
    for (const mentee of new Set(violated.map((pair) => pair.mentee))) network.resetMentee(mentee);
    augmentations += routeAllExcess(network, paths, onRouted);
  }
  return solutionOf(network, bounds, {
    pricingRounds,
    candidatePairs: network.pairs.count,
    scoreCalls: counter.calls,
    augmentations,
  });
}

function countsOf(values: readonly number[], name: string): Int32Array {
  return Int32Array.from(values, (value, index) => {
    if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff)
      throw new RangeError(`${name}[${index}] is ${value}: expected a whole number ≥ 0`);
    return value;
  });
}

function progressReporter(onProgress: SolveOptions['onProgress']) {
  return (phase: SolveProgress['phase'], done: number, total: number) => {
    if (onProgress && (done === 1 || done % progressEvery === 0 || done === total))
      onProgress({ phase, done, total });
  };
}

/**
 * Fills the holes reset mentees left at mentors, then augments until every unit of supply reached
 * the sink, mentees with the best candidate first: they set the mentors' prices early, so later
 * searches rarely have to displace anyone. Filling holes first keeps the sink a deficit during
 * forward searches, so no search ever expands the sink (whose arcs reach every node).
 */
function routeAllExcess(
  network: FlowNetwork,
  paths: ShortestAugmentingPath,
  onProgress: (done: number, total: number) => void,
): number {
  const sources: number[] = [];
  let total = 0;
  for (let node = 0; node < network.sink; node++) {
    const excess = network.excess[node] as number;
    if (excess > 0) sources.push(node);
    total += Math.abs(excess);
  }
  let done = 0;
  for (let node = network.menteeCount; node < network.sink; node++) {
    while ((network.excess[node] as number) < 0) {
      paths.fillHole(node);
      onProgress(Math.min(++done, total), total);
    }
  }
  const best = Float64Array.from(sources, (node) => bestCandidateScore(network, node));
  const order = sources
    .map((_, k) => k)
    .sort(
      (a, b) => (best[b] as number) - (best[a] as number) || (sources[a] as number) - (sources[b] as number),
    );
  for (const k of order) {
    const node = sources[k] as number;
    if (node < network.menteeCount && network.isUntouched(node)) network.lowerPotentialToFit(node);
    while ((network.excess[node] as number) > 0) {
      paths.augmentFrom(node);
      onProgress(Math.min(++done, total), total);
    }
  }
  // A hole may be filled from a mentee's excess, which then needs no search of its own.
  if (done < total) onProgress(total, total);
  return done;
}

function bestCandidateScore(network: FlowNetwork, node: number): number {
  let best = 0;
  if (node < network.menteeCount)
    for (const pair of network.menteePairs[node] as number[])
      best = Math.max(best, network.pairs.score[pair] as number);
  return best;
}

function solutionOf(
  network: FlowNetwork,
  bounds: ScoreBounds,
  stats: AssignmentSolution['stats'],
): AssignmentSolution {
  const { pairs } = network;
  const assigned: number[] = [];
  for (let pair = 0; pair < pairs.count; pair++) if (pairs.flow[pair] === 1) assigned.push(pair);
  assigned.sort(
    (a, b) =>
      (pairs.mentee[a] as number) - (pairs.mentee[b] as number) ||
      (pairs.mentor[a] as number) - (pairs.mentor[b] as number),
  );
  const menteePotentials = menteePotentialsOf(network, bounds);
  const mentorPotentials = mentorPotentialsOf(network, bounds);
  const result: AssignedPair[] = [];
  const pairPotentials: PairPotential[] = [];
  let total = 0;
  for (const pair of assigned) {
    const mentee = pairs.mentee[pair] as number;
    const mentor = pairs.mentor[pair] as number;
    const s = pairs.score[pair] as number;
    total += s;
    result.push({ mentee, mentor, score: fromHundredths(s) });
    const w = s - (menteePotentials[mentee] as number) - (mentorPotentials[mentor] as number);
    if (w > 0) pairPotentials.push({ mentee, mentor, value: fromHundredths(w) });
  }
  const certificate: OptimalityCertificate = {
    menteePotentials: menteePotentials.map(fromHundredths),
    mentorPotentials: mentorPotentials.map(fromHundredths),
    pairPotentials,
  };
  return { pairs: result, totalScore: fromHundredths(total), certificate, stats };
}

/** Mentees with no demand are outside the network: u = their best score covers all their pairs at no cost. */
function menteePotentialsOf(network: FlowNetwork, bounds: ScoreBounds): number[] {
  return Array.from({ length: network.menteeCount }, (_, i) =>
    (network.demand[i] as number) === 0
      ? Math.max(0, bounds.menteeBest[i] as number)
      : network.menteePotential(i),
  );
}

/** Likewise mentors with no capacity: v = their best score. */
function mentorPotentialsOf(network: FlowNetwork, bounds: ScoreBounds): number[] {
  return Array.from({ length: network.capacity.length }, (_, j) =>
    (network.capacity[j] as number) === 0
      ? Math.max(0, bounds.mentorBest[j] as number)
      : network.mentorPotential(j),
  );
}
