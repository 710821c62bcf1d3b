import { CandidatePairs } from './candidate-pairs';

/**
 * Min-cost flow view of the b-matching. Nodes: mentees 0..n-1, mentors n..n+m-1, one sink n+m.
 * Arcs: mentee→mentor per candidate pair (capacity 1, cost −score), mentor→sink (capacity =
 * mentor capacity, cost 0), and a "stays unmatched" bypass mentee→sink (capacity = demand, cost 0).
 * Each mentee supplies `demand` units and the sink absorbs them all, so every unit is either
 * matched or bypassed, and the min-cost flow is the max-score matching.
 *
 * Potentials π keep every residual arc's reduced cost c + π(tail) − π(head) ≥ 0 (the invariant
 * of successive shortest paths). In LP terms u_i = π_i − π_sink and v_j = π_sink − π_j.
 */
export class FlowNetwork {
  readonly sink: number;
  readonly pairs = new CandidatePairs();
  readonly potential: Float64Array;
  /** Supply not yet routed; negative = deficit. */
  readonly excess: Int32Array;
  /** Units of each mentee's demand left unmatched (flow on the bypass arc). */
  readonly bypass: Int32Array;
  /** Flow on each mentor→sink arc: the mentees the mentor is counted for. */
  readonly sinkFlow: Int32Array;
  /** Candidate pair ids per mentee and per mentor (assigned or not). */
  readonly menteePairs: number[][];
  readonly mentorPairs: number[][];
  /** Pair ids currently assigned to each mentor (the residual mentor→mentee arcs). */
  readonly mentorAssigned: number[][];
  /** Units all mentees want together. */
  readonly totalDemand: number;

  constructor(
    readonly demand: Int32Array,
    readonly capacity: Int32Array,
  ) {
    const menteeCount = demand.length;
    const mentorCount = capacity.length;
    this.sink = menteeCount + mentorCount;
    this.potential = new Float64Array(this.sink + 1);
    this.excess = new Int32Array(this.sink + 1);
    this.bypass = new Int32Array(menteeCount);
    this.sinkFlow = new Int32Array(mentorCount);
    this.menteePairs = Array.from({ length: menteeCount }, () => []);
    this.mentorPairs = Array.from({ length: mentorCount }, () => []);
    this.mentorAssigned = Array.from({ length: mentorCount }, () => []);
    let totalDemand = 0;
    for (let i = 0; i < menteeCount; i++) {
      this.excess[i] = demand[i] as number;
      totalDemand += demand[i] as number;
    }
    this.excess[this.sink] = -totalDemand;
    this.totalDemand = totalDemand;
  }

  get menteeCount(): number {
    return this.demand.length;
  }

  addPair(mentee: number, mentor: number, scoreHundredths: number): number {
    const id = this.pairs.add(mentee, mentor, scoreHundredths);
    (this.menteePairs[mentee] as number[]).push(id);
    (this.mentorPairs[mentor] as number[]).push(id);
    return id;
  }

  assign(pair: number): void {
    this.pairs.flow[pair] = 1;
    (this.mentorAssigned[this.pairs.mentor[pair] as number] as number[]).push(pair);
  }

  unassign(pair: number): void {
    this.pairs.flow[pair] = 0;
    const assigned = this.mentorAssigned[this.pairs.mentor[pair] as number] as number[];
    // Swap with the last and pop: splice would allocate the removed slice on every call.
    const at = assigned.indexOf(pair);
    assigned[at] = assigned[assigned.length - 1] as number;
    assigned.pop();
  }

  /** Routes one unit of the mentee's supply through the pair to the sink (warm start only). */
  place(pair: number): void {
    const mentee = this.pairs.mentee[pair] as number;
    const mentor = this.pairs.mentor[pair] as number;
    this.assign(pair);
    this.sinkFlow[mentor] = (this.sinkFlow[mentor] as number) + 1;
    this.excess[mentee] = (this.excess[mentee] as number) - 1;
    this.excess[this.sink] = (this.excess[this.sink] as number) + 1;
  }

  /** Undoes `place`: the unit goes back to the mentee as excess. */
  displace(pair: number): void {
    const mentee = this.pairs.mentee[pair] as number;
    const mentor = this.pairs.mentor[pair] as number;
    this.unassign(pair);
    this.sinkFlow[mentor] = (this.sinkFlow[mentor] as number) - 1;
    this.excess[mentee] = (this.excess[mentee] as number) + 1;
    this.excess[this.sink] = (this.excess[this.sink] as number) - 1;
  }

  /**
   * Takes back everything routed for the mentee (its pairs and its bypassed units): its demand
   * becomes excess again, and each mentor it leaves keeps its sink flow and owes one unit (a
   * hole, i.e. a deficit), so no other arc changes and every other reduced cost stays as it was.
   * The mentee has no entering residual arc left, so its potential is set afresh to fit.
   */
  resetMentee(mentee: number): void {
    const { pairs } = this;
    for (const pair of this.menteePairs[mentee] as number[]) {
      if (pairs.flow[pair] !== 1) continue;
      this.unassign(pair);
      const mentorNode = this.menteeCount + (pairs.mentor[pair] as number);
      this.excess[mentorNode] = (this.excess[mentorNode] as number) - 1;
      this.excess[mentee] = (this.excess[mentee] as number) + 1;
    }
    const bypassed = this.bypass[mentee] as number;
    this.bypass[mentee] = 0;
    this.excess[mentee] = (this.excess[mentee] as number) + bypassed;
    this.excess[this.sink] = (this.excess[this.sink] as number) - bypassed;
    this.lowerPotentialToFit(mentee);
  }

  /** Nothing of the mentee's demand is routed: no residual arc enters it. */
  isUntouched(mentee: number): boolean {
    return this.excess[mentee] === this.demand[mentee] && this.bypass[mentee] === 0;
  }

  /**
   * Sets an untouched mentee's potential to the lowest one keeping its arcs' reduced costs ≥ 0:
   * u_i = its best profit max(0, s_ij − v_j) at the mentors' current prices. A search from the
   * mentee runs up to the cost of its own bypass (u_i), so a tight u_i keeps searches small.
   */
  lowerPotentialToFit(mentee: number): void {
    const { pairs, potential } = this;
    let lowest = potential[this.sink] as number;
    const candidates = this.menteePairs[mentee] as number[];
    for (let k = 0; k < candidates.length; k++) {
      const pair = candidates[k] as number;
      lowest = Math.max(
        lowest,
        (pairs.score[pair] as number) +
          (potential[this.menteeCount + (pairs.mentor[pair] as number)] as number),
      );
    }
    potential[mentee] = lowest;
  }

  menteePotential(mentee: number): number {
    return (this.potential[mentee] as number) - (this.potential[this.sink] as number);
  }

  mentorPotential(mentor: number): number {
    return (this.potential[this.sink] as number) - (this.potential[this.menteeCount + mentor] as number);
  }

  setMenteePotential(mentee: number, u: number): void {
    this.potential[mentee] = u + (this.potential[this.sink] as number);
  }

  setMentorPotential(mentor: number, v: number): void {
    this.potential[this.menteeCount + mentor] = (this.potential[this.sink] as number) - v;
  }

  /**
   * Raises u to 0 for mentees with no pair and v to 0 for mentors with no mentee. Their arcs
   * only gain reduced cost, so the invariant holds, and the potentials become the LP dual
   * (which needs u, v ≥ 0) without changing its objective (those terms multiply zero slack).
   */
  clampPotentials(): void {
    const sinkPotential = this.potential[this.sink] as number;
    for (let i = 0; i < this.menteeCount; i++) {
      if (this.bypass[i] === this.demand[i] && (this.potential[i] as number) < sinkPotential)
        this.potential[i] = sinkPotential;
    }
    for (let j = 0; j < this.capacity.length; j++) {
      const node = this.menteeCount + j;
      if (this.sinkFlow[j] === 0 && (this.potential[node] as number) > sinkPotential)
        this.potential[node] = sinkPotential;
    }
  }
}
