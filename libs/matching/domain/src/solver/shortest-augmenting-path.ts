import type { FlowNetwork } from './flow-network';
import { BucketQueue } from './bucket-queue';

const noPair = -1;

/**
 * One step of successive shortest paths: Dijkstra on reduced costs between a node with excess and
 * a node with a deficit, one unit pushed along the path, then the potentials of the nodes the
 * search settled shifted by their distance, which keeps every reduced cost ≥ 0. Searches stop at
 * the first node that ends them, so a mentee whose favourite mentor has room settles a handful of
 * nodes, not the whole network.
 *
 * Forward (`augmentFrom`): from a node with excess to the nearest deficit. Backward (`fillHole`):
 * from a mentor a reset mentee left (a deficit) back to the nearest node with excess or to the
 * sink, the cheapest way to refill or give up that place; the sink then owes the unit, so the
 * forward searches that follow always end at the sink without expanding it.
 */
export class ShortestAugmentingPath {
  private readonly distance: Float64Array;
  private readonly heap: BucketQueue;
  /** Search generation in which a node was reached / settled: avoids clearing arrays per search. */
  private readonly reachedIn: Int32Array;
  private readonly settledIn: Int32Array;
  /** The neighbour on the path towards the search's start, and the pair of that arc (or noPair). */
  private readonly via: Int32Array;
  private readonly viaPair: Int32Array;
  private readonly settled: Int32Array;
  private settledCount = 0;
  private generation = 0;
  private end = -1;
  private backward = false;

  constructor(private readonly network: FlowNetwork) {
    const nodeCount = network.sink + 1;
    this.distance = new Float64Array(nodeCount);
    this.heap = new BucketQueue(nodeCount, this.distance);
    this.reachedIn = new Int32Array(nodeCount);
    this.settledIn = new Int32Array(nodeCount);
    this.via = new Int32Array(nodeCount);
    this.viaPair = new Int32Array(nodeCount);
    this.settled = new Int32Array(nodeCount);
  }

  /** Routes one unit of `source`'s excess to the nearest deficit. */
  augmentFrom(source: number): void {
    this.backward = false;
    this.search(source);
    for (let head = this.end; head !== source; head = this.via[head] as number)
      this.pushArc(this.via[head] as number, head, this.viaPair[head] as number);
    this.finish(source, this.end, 1);
  }

  /** Brings one unit into a mentor with a deficit, from the nearest excess or from the sink. */
  fillHole(mentor: number): void {
    this.backward = true;
    this.search(mentor);
    for (let tail = this.end; tail !== mentor; tail = this.via[tail] as number)
      this.pushArc(tail, this.via[tail] as number, this.viaPair[tail] as number);
    this.finish(this.end, mentor, -1);
  }

  private finish(from: number, to: number, potentialSign: number): void {
    const { excess, potential } = this.network;
    excess[from] = (excess[from] as number) - 1;
    excess[to] = (excess[to] as number) + 1;
    // Forward: π += d − D; backward (distances to the start): π −= d − D. Settled nodes only.
    const pathDistance = this.distance[this.end] as number;
    for (let k = 0; k < this.settledCount; k++) {
      const node = this.settled[k] as number;
      potential[node] =
        (potential[node] as number) + potentialSign * ((this.distance[node] as number) - pathDistance);
    }
  }

  private endsSearch(node: number): boolean {
    const excess = this.network.excess[node] as number;
    return this.backward ? excess > 0 || node === this.network.sink : excess < 0;
  }

  private search(start: number): void {
    this.generation += 1;
    this.heap.clear();
    this.settledCount = 0;
    this.end = -1;
    this.distance[start] = 0;
    this.reachedIn[start] = this.generation;
    this.heap.push(start);
    while (!this.heap.isEmpty) {
      const node = this.heap.pop();
      if (node !== start && this.endsSearch(node)) {
        this.end = node;
        return;
      }
      this.settledIn[node] = this.generation;
      this.settled[this.settledCount++] = node;
      const ended = this.backward ? this.relaxArcsInto(node) : this.relaxArcsOutOf(node);
      if (ended) return;
    }
    throw new Error(
      `solver invariant broken: no ${this.backward ? 'path into' : 'augmenting path from'} node ${start}`,
    );
  }

  /** Returns true when it reached an end at the settled node's own distance (nothing can beat it). */
  private relaxArcsOutOf(node: number): boolean {
    const { network } = this;
    const { pairs, potential, sink } = network;
    const n = network.menteeCount;
    const own = potential[node] as number;
    if (node < n) {
      const candidates = network.menteePairs[node] as number[];
      for (let k = 0; k < candidates.length; k++) {
        const pair = candidates[k] as number;
        if (pairs.flow[pair] === 1) continue;
        const head = n + (pairs.mentor[pair] as number);
        if (this.relax(node, head, pair, own - (pairs.score[pair] as number) - (potential[head] as number)))
          return true;
      }
      return (
        (network.bypass[node] as number) < (network.demand[node] as number) &&
        this.relax(node, sink, noPair, own - (potential[sink] as number))
      );
    }
    if (node < sink) {
      const mentor = node - n;
      const assigned = network.mentorAssigned[mentor] as number[];
      for (let k = 0; k < assigned.length; k++) {
        const pair = assigned[k] as number;
        const head = pairs.mentee[pair] as number;
        if (this.relax(node, head, pair, own + (pairs.score[pair] as number) - (potential[head] as number)))
          return true;
      }
      return (
        (network.sinkFlow[mentor] as number) < (network.capacity[mentor] as number) &&
        this.relax(node, sink, noPair, own - (potential[sink] as number))
      );
    }
    // The sink always owes units while a forward search runs (holes are filled first), so it ends
    // the search before being settled; its arcs, which reach every node, are never scanned.
    throw new Error('solver invariant broken: forward search settled the sink');
  }

  /** Backward: relaxes the residual arcs entering the node (the sink is an end, never settled). */
  private relaxArcsInto(node: number): boolean {
    const { network } = this;
    const { pairs, potential, sink } = network;
    const n = network.menteeCount;
    const own = potential[node] as number;
    if (node < n) {
      const candidates = network.menteePairs[node] as number[];
      for (let k = 0; k < candidates.length; k++) {
        const pair = candidates[k] as number;
        if (pairs.flow[pair] !== 1) continue;
        const tail = n + (pairs.mentor[pair] as number);
        if (this.relax(node, tail, pair, (pairs.score[pair] as number) + (potential[tail] as number) - own))
          return true;
      }
      return (
        (network.bypass[node] as number) > 0 &&
        this.relax(node, sink, noPair, (potential[sink] as number) - own)
      );
    }
    const mentor = node - n;
    const candidates = network.mentorPairs[mentor] as number[];
    for (let k = 0; k < candidates.length; k++) {
      const pair = candidates[k] as number;
      if (pairs.flow[pair] === 1) continue;
      const tail = pairs.mentee[pair] as number;
      if (this.relax(node, tail, pair, (potential[tail] as number) - (pairs.score[pair] as number) - own))
        return true;
    }
    return (
      (network.sinkFlow[mentor] as number) > 0 &&
      this.relax(node, sink, noPair, (potential[sink] as number) - own)
    );
  }

  /** `from` is the settled node, `to` its neighbour in the search's direction. */
  private relax(from: number, to: number, pair: number, reducedCost: number): boolean {
    if (reducedCost < 0)
      throw new Error(`solver invariant broken: reduced cost ${reducedCost} between nodes ${from} and ${to}`);
    if (this.settledIn[to] === this.generation) return false;
    const candidate = (this.distance[from] as number) + reducedCost;
    if (this.reachedIn[to] !== this.generation) {
      this.reachedIn[to] = this.generation;
      this.distance[to] = candidate;
      this.heap.push(to);
    } else if (candidate < (this.distance[to] as number)) {
      this.distance[to] = candidate;
      this.heap.decreased(to);
    } else {
      return false;
    }
    this.via[to] = from;
    this.viaPair[to] = pair;
    if (reducedCost === 0 && this.endsSearch(to)) {
      this.end = to;
      return true;
    }
    return false;
  }

  /** Pushes one unit along the residual arc tail → head. */
  private pushArc(tail: number, head: number, pair: number): void {
    const { network } = this;
    const n = network.menteeCount;
    if (pair !== noPair) {
      if (tail < n) network.assign(pair);
      else network.unassign(pair);
    } else if (tail === network.sink) {
      if (head < n) network.bypass[head] = (network.bypass[head] as number) - 1;
      else network.sinkFlow[head - n] = (network.sinkFlow[head - n] as number) - 1;
    } else if (tail < n) {
      network.bypass[tail] = (network.bypass[tail] as number) + 1;
    } else {
      network.sinkFlow[tail - n] = (network.sinkFlow[tail - n] as number) + 1;
    }
  }
}
