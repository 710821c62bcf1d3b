import type { FlowNetwork } from './flow-network';
import type { ReservedPairs } from './initial-candidates';

/**
 * Warm start before the shortest-path phase: mentees who want one mentor bid for their best
 * candidate at the mentors' current prices (v), as in an auction with exact bids. Each assigned
 * mentee records its limit: the highest price at which its mentor stays its best choice (its
 * score minus its second-best profit, or 0 for staying unmatched). A mentor with room takes a
 * bidder at price 0; a full one keeps the mentees with the highest limits, drops the lowest,
 * and raises its price to the lowest limit it keeps.
 *
 * Prices only rise, so a second-best profit only falls and a recorded limit stays a safe bound:
 * every assigned mentee is on a best pair at the final prices, which is exactly the potential
 * invariant successive shortest paths need (reduced cost ≥ 0 on every residual arc). The
 * shortest-path phase then routes whoever is left, so the result stays exactly optimal; the
 * auction only removes most of the long searches. Bids stop when no price moves (ties) or the
 * budget runs out, which bounds the work on instances where bidders keep displacing each other.
 */
export function auctionWarmStart(
  network: FlowNetwork,
  reserve: ReservedPairs,
  bidsPerMentee: number,
): number {
  const n = network.menteeCount;
  const { pairs, capacity, sinkFlow } = network;
  const limit = new Float64Array(n);
  const free: number[] = [];
  for (let i = n - 1; i >= 0; i--) if (network.demand[i] === 1 && network.isUntouched(i)) free.push(i);
  let budget = free.length * bidsPerMentee;
  const ownBid = emptyBid();
  const holderBid = emptyBid();
  let placed = 0;
  while (free.length > 0 && budget > 0) {
    budget -= 1;
    const mentee = free.pop() as number;
    const bid = bestTwoProfits(network, reserve, mentee, ownBid);
    if (bid.best <= 0) continue;
    const { mentor } = bid;
    const bidLimit = bid.score - Math.max(0, bid.second);
    if ((sinkFlow[mentor] as number) < (capacity[mentor] as number)) {
      network.place(pairOf(network, reserve, mentee, bid));
      limit[mentee] = bidLimit;
      placed += 1;
      continue;
    }
    const held = network.mentorAssigned[mentor] as number[];
    const price = network.mentorPotential(mentor);
    let lowest = lowestHeldBelow(network, limit, held, bidLimit);
    if (lowest < 0 && lowestLimitOf(network, limit, held) <= price) {
      // A tie: the recorded limits are lower bounds, so refresh them to the holders' current
      // second-best profits before giving up on this mentor.
      for (let k = 0; k < held.length; k++) {
        const pair = held[k] as number;
        const holder = pairs.mentee[pair] as number;
        const options = bestTwoProfits(network, reserve, holder, holderBid);
        const otherwise = options.mentor === mentor ? options.second : options.best;
        limit[holder] = (pairs.score[pair] as number) - Math.max(0, otherwise);
      }
      lowest = lowestHeldBelow(network, limit, held, bidLimit);
    }
    if (lowest < 0) {
      // The bidder values the mentor least: the price rises to what the others would pay.
      const raised = lowestLimitOf(network, limit, held);
      if (raised > price) {
        network.setMentorPotential(mentor, raised);
        free.push(mentee);
      }
      continue;
    }
    const dropped = pairs.mentee[lowest] as number;
    network.displace(lowest);
    network.place(pairOf(network, reserve, mentee, bid));
    limit[mentee] = bidLimit;
    network.setMentorPotential(mentor, Math.max(price, lowestLimitOf(network, limit, held)));
    free.push(dropped);
  }
  // An assigned mentee's u makes its own pair tight: u = s − v, which its limit keeps ≥ every
  // other profit and ≥ 0.
  for (let mentor = 0; mentor < capacity.length; mentor++) {
    const v = network.mentorPotential(mentor);
    const assigned = network.mentorAssigned[mentor] as number[];
    for (let k = 0; k < assigned.length; k++) {
      const pair = assigned[k] as number;
      network.setMenteePotential(pairs.mentee[pair] as number, (pairs.score[pair] as number) - v);
    }
  }
  return placed;
}

interface Bid {
  /** A pair of the network, or -1 when the best is a reserved pair (then `entry` is its index). */
  pair: number;
  entry: number;
  mentor: number;
  score: number;
  /** Best and second-best profit (score − v) over the mentee's candidates and reserve. */
  best: number;
  second: number;
}

const emptyBid = (): Bid => ({ pair: -1, entry: -1, mentor: -1, score: 0, best: 0, second: 0 });

/**
 * The mentee's best pair by profit among its candidates and its reserve, so the prices the
 * auction ends with already cover the reserve and the first pricing round has less to add.
 */
function bestTwoProfits(network: FlowNetwork, reserve: ReservedPairs, mentee: number, bid: Bid): Bid {
  const { pairs } = network;
  bid.pair = -1;
  bid.entry = -1;
  bid.mentor = -1;
  bid.best = -Infinity;
  bid.second = -Infinity;
  const candidates = network.menteePairs[mentee] as number[];
  for (let k = 0; k < candidates.length; k++) {
    const pair = candidates[k] as number;
    offer(network, bid, pair, -1, pairs.mentor[pair] as number, pairs.score[pair] as number);
  }
  const end = reserve.start[mentee + 1] as number;
  for (let e = reserve.start[mentee] as number; e < end; e++) {
    const score = reserve.score[e] as number;
    // Best first and prices ≥ 0: a score below the second-best profit cannot change the bid.
    if (score < bid.second) break;
    if (reserve.added[e] === 0) offer(network, bid, -1, e, reserve.mentor[e] as number, score);
  }
  return bid;
}

function offer(
  network: FlowNetwork,
  bid: Bid,
  pair: number,
  entry: number,
  mentor: number,
  score: number,
): void {
  const profit = score - network.mentorPotential(mentor);
  // On a tie, a mentor with room wins: the bid then places the mentee instead of stalling.
  if (
    profit > bid.best ||
    (profit === bid.best && hasRoom(network, mentor) && !hasRoom(network, bid.mentor))
  ) {
    bid.second = bid.best;
    bid.best = profit;
    bid.pair = pair;
    bid.entry = entry;
    bid.mentor = mentor;
    bid.score = score;
  } else if (profit > bid.second) {
    bid.second = profit;
  }
}

/** The bid's pair in the network, moving a reserved pair into it first. */
function pairOf(network: FlowNetwork, reserve: ReservedPairs, mentee: number, bid: Bid): number {
  if (bid.pair >= 0) return bid.pair;
  reserve.added[bid.entry] = 1;
  return network.addPair(mentee, bid.mentor, bid.score);
}

/** The held pair whose mentee has the lowest limit below the bid's, or -1. */
function lowestHeldBelow(
  network: FlowNetwork,
  limit: Float64Array,
  held: readonly number[],
  bidLimit: number,
): number {
  let lowest = -1;
  let lowestLimit = bidLimit;
  for (let k = 0; k < held.length; k++) {
    const pair = held[k] as number;
    const heldLimit = limit[network.pairs.mentee[pair] as number] as number;
    if (heldLimit < lowestLimit) {
      lowest = pair;
      lowestLimit = heldLimit;
    }
  }
  return lowest;
}

const hasRoom = (network: FlowNetwork, mentor: number): boolean =>
  mentor >= 0 && (network.sinkFlow[mentor] as number) < (network.capacity[mentor] as number);

function lowestLimitOf(network: FlowNetwork, limit: Float64Array, held: readonly number[]): number {
  let lowest = Infinity;
  for (let k = 0; k < held.length; k++)
    lowest = Math.min(lowest, limit[network.pairs.mentee[held[k] as number] as number] as number);
  return lowest;
}
