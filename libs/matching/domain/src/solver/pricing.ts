import type { FlowNetwork } from './flow-network';
import type { ScoreBounds, ScoreInHundredths } from './initial-candidates';

export interface ViolatedPair {
  readonly mentee: number;
  readonly mentor: number;
  /** Score in hundredths. */
  readonly score: number;
}

/**
 * Prices out every allowed pair the network does not hold against the current potentials: a pair
 * with u_i + v_j < s_ij could raise the total, so it must join the candidates. Returns up to
 * `perMentee` of the most violated pairs per mentee, none when the solution is optimal overall.
 *
 * The reserve is priced from memory. A pair outside it scores at most the best score outside its
 * mentee's top list and at most the best outside its mentor's, so only pairs where u + v is below
 * both bounds are scored: mentors are visited by decreasing openness (mentor bound − v), stopping
 * at the first that the mentee's u closes, and mentees whose u covers their own bound are skipped.
 */
export function findViolatedPairs(
  network: FlowNetwork,
  bounds: ScoreBounds,
  score: ScoreInHundredths,
  perMentee: number,
  onRow: (done: number) => void,
): ViolatedPair[] {
  const n = network.menteeCount;
  const mentorPotential = new Float64Array(network.capacity.length);
  for (let j = 0; j < mentorPotential.length; j++) mentorPotential[j] = network.mentorPotential(j);
  const { mentors: openMentors, openness } = mentorsByOpenness(network, bounds, mentorPotential);
  const violated: ViolatedPair[] = [];
  const worst = new WorstViolations(perMentee);
  for (let i = 0; i < n; i++) {
    onRow(i + 1);
    if ((network.demand[i] as number) === 0) continue;
    const u = network.menteePotential(i);
    worst.reset();
    offerReservedViolations(bounds.reserve, mentorPotential, i, u, worst);
    const room = (bounds.menteeBestLeftOut[i] as number) - u;
    if (room > 0 && openMentors.length > 0 && (openness[0] as number) > u)
      offerScoredViolations(
        network,
        bounds,
        score,
        mentorPotential,
        openMentors,
        openness,
        i,
        u,
        room,
        worst,
      );
    for (let k = 0; k < worst.size; k++) {
      const entry = worst.reserveEntry[k] as number;
      if (entry >= 0) bounds.reserve.added[entry] = 1;
      violated.push({ mentee: i, mentor: worst.mentor[k] as number, score: worst.score[k] as number });
    }
  }
  return violated;
}

// The two scans below are separate small functions so that the engine optimises the hot one (the
// reserve, every row) quickly, without waiting for the scorer to be compiled into it.

function offerReservedViolations(
  reserve: ScoreBounds['reserve'],
  mentorPotential: Float64Array,
  mentee: number,
  u: number,
  worst: WorstViolations,
): void {
  const end = reserve.start[mentee + 1] as number;
  for (let e = reserve.start[mentee] as number; e < end; e++) {
    const s = reserve.score[e] as number;
    // Entries are best first and v ≥ 0: once s ≤ u no later entry can be violated.
    if (s <= u) break;
    const j = reserve.mentor[e] as number;
    const v = mentorPotential[j] as number;
    if (reserve.added[e] === 0 && s > u + v) worst.offer(j, s, s - u - v, e);
  }
}

function offerScoredViolations(
  network: FlowNetwork,
  bounds: ScoreBounds,
  score: ScoreInHundredths,
  mentorPotential: Float64Array,
  openMentors: Int32Array,
  openness: Float64Array,
  mentee: number,
  u: number,
  /** The mentee's bound on pairs outside its top list, minus u. */
  room: number,
  worst: WorstViolations,
): void {
  for (let k = 0; k < openMentors.length && (openness[k] as number) > u; k++) {
    const j = openMentors[k] as number;
    const v = mentorPotential[j] as number;
    if (v >= room) continue;
    const s = score(mentee, j);
    if (s === null || s <= u + v || isHeld(network, bounds, mentee, j)) continue;
    worst.offer(j, s, s - u - v, -1);
  }
}

/** Mentors that some pair outside the reserve could still violate, by (mentor bound − v) descending. */
function mentorsByOpenness(network: FlowNetwork, bounds: ScoreBounds, mentorPotential: Float64Array) {
  const opennessOf = new Float64Array(network.capacity.length);
  const open: number[] = [];
  for (let j = 0; j < network.capacity.length; j++) {
    opennessOf[j] = (bounds.mentorBestLeftOut[j] as number) - (mentorPotential[j] as number);
    if ((network.capacity[j] as number) > 0 && (opennessOf[j] as number) > 0) open.push(j);
  }
  const mentors = Int32Array.from(open).sort(
    (a, b) => (opennessOf[b] as number) - (opennessOf[a] as number) || a - b,
  );
  return { mentors, openness: Float64Array.from(mentors, (j) => opennessOf[j] as number) };
}

/**
 * Whether a pair the row scan found is already known: a candidate (only assigned ones can have
 * s > u + v, and w covers them) or in the reserve (priced from memory above).
 */
function isHeld(network: FlowNetwork, bounds: ScoreBounds, mentee: number, mentor: number): boolean {
  const { pairs } = network;
  for (const pair of network.menteePairs[mentee] as number[]) if (pairs.mentor[pair] === mentor) return true;
  const { reserve } = bounds;
  for (let e = reserve.start[mentee] as number; e < (reserve.start[mentee + 1] as number); e++)
    if (reserve.mentor[e] === mentor) return true;
  return false;
}

/** The row's most violated pairs, by violation descending then mentor index. */
class WorstViolations {
  readonly mentor: Int32Array;
  readonly score: Float64Array;
  /** Index in the reserve, or -1 for a pair found by scoring. */
  readonly reserveEntry: Int32Array;
  private readonly violation: Float64Array;
  size = 0;

  constructor(private readonly limit: number) {
    this.mentor = new Int32Array(limit);
    this.score = new Float64Array(limit);
    this.reserveEntry = new Int32Array(limit);
    this.violation = new Float64Array(limit);
  }

  reset(): void {
    this.size = 0;
  }

  offer(mentor: number, s: number, violation: number, reserveEntry: number): void {
    if (this.size === this.limit) {
      const last = this.limit - 1;
      const lastViolation = this.violation[last] as number;
      if (
        violation < lastViolation ||
        (violation === lastViolation && mentor > (this.mentor[last] as number))
      )
        return;
      this.size -= 1;
    }
    let k = this.size;
    while (
      k > 0 &&
      precedes(violation, mentor, this.violation[k - 1] as number, this.mentor[k - 1] as number)
    ) {
      this.mentor[k] = this.mentor[k - 1] as number;
      this.score[k] = this.score[k - 1] as number;
      this.reserveEntry[k] = this.reserveEntry[k - 1] as number;
      this.violation[k] = this.violation[k - 1] as number;
      k -= 1;
    }
    this.mentor[k] = mentor;
    this.score[k] = s;
    this.reserveEntry[k] = reserveEntry;
    this.violation[k] = violation;
    this.size += 1;
  }
}

const precedes = (violation: number, mentor: number, otherViolation: number, otherMentor: number): boolean =>
  violation > otherViolation || (violation === otherViolation && mentor < otherMentor);
