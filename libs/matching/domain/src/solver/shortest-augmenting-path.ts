import type { FlowNetwork } from './flow-network';
import { NodeHeap } from './node-heap';

const noPair = -1;

/**
 * One step of successive shortest paths: Dijkstra on reduced costs from a node with excess to the
 * nearest node with a deficit, one unit pushed along the path, then potentials of the nodes the
 * search settled lowered by (their distance − the path's), which keeps every reduced cost ≥ 0.
 * The search stops at the first deficit, so a mentee whose favourite mentor has room settles a
 * handful of nodes, not the whole network.
 */
export class ShortestAugmentingPath {
  private readonly distance: Float64Array;
  private readonly heap: NodeHeap;
  /** Search generation in which a node was reached / settled: avoids clearing arrays per search. */
  private readonly reachedIn: Int32Array;
  private readonly settledIn: Int32Array;
  private readonly predecessor: Int32Array;
  private readonly predecessorPair: Int32Array;
  private readonly settled: Int32Array;
  private settledCount = 0;
  private generation = 0;
  private target = -1;

  constructor(private readonly network: FlowNetwork) {
    const nodeCount = network.sink + 1;
    this.distance = new Float64Array(nodeCount);
    this.heap = new NodeHeap(nodeCount, this.distance);
    this.reachedIn = new Int32Array(nodeCount);
    this.settledIn = new Int32Array(nodeCount);
    this.predecessor = new Int32Array(nodeCount);
    this.predecessorPair = new Int32Array(nodeCount);
    this.settled = new Int32Array(nodeCount);
  }

  /** Routes one unit of `source`'s excess to the nearest deficit. */
  augmentFrom(source: number): void {
    this.search(source);
    if (this.target < 0) throw new Error(`solver invariant broken: no augmenting path from node ${source}`);
    this.pushUnit(source, this.target);
    this.updatePotentials(this.distance[this.target] as number);
  }

  private search(source: number): void {
    this.generation += 1;
    this.heap.clear();
    this.settledCount = 0;
    this.target = -1;
    this.distance[source] = 0;
    this.reachedIn[source] = this.generation;
    this.heap.push(source);
    while (!this.heap.isEmpty) {
      const node = this.heap.pop();
      if (node !== source && (this.network.excess[node] as number) < 0) {
        this.target = node;
        return;
      }
      this.settledIn[node] = this.generation;
      this.settled[this.settledCount++] = node;
      if (this.relaxArcsOf(node)) return;
    }
  }

  /** Returns true when it reached a deficit at the settled node's own distance (nothing can beat it). */
  private relaxArcsOf(node: number): boolean {
    const { network } = this;
    const n = network.menteeCount;
    if (node < n) return this.relaxMentee(node);
    if (node < network.sink) return this.relaxMentor(node - n);
    return this.relaxSink();
  }

  private relaxMentee(mentee: number): boolean {
    const { network } = this;
    const { pairs, potential } = network;
    const n = network.menteeCount;
    const own = potential[mentee] as number;
    const candidates = network.menteePairs[mentee] as number[];
    for (let k = 0; k < candidates.length; k++) {
      const pair = candidates[k] as number;
      if (pairs.flow[pair] === 1) continue;
      const head = n + (pairs.mentor[pair] as number);
      if (this.relax(mentee, head, pair, own - (pairs.score[pair] as number) - (potential[head] as number))) return true;
    }
    if ((network.bypass[mentee] as number) < (network.demand[mentee] as number)) {
      return this.relax(mentee, network.sink, noPair, own - (potential[network.sink] as number));
    }
    return false;
  }

  private relaxMentor(mentor: number): boolean {
    const { network } = this;
    const { pairs, potential } = network;
    const node = network.menteeCount + mentor;
    const own = potential[node] as number;
    const assigned = network.mentorAssigned[mentor] as number[];
    for (let k = 0; k < assigned.length; k++) {
      const pair = assigned[k] as number;
      const head = pairs.mentee[pair] as number;
      if (this.relax(node, head, pair, own + (pairs.score[pair] as number) - (potential[head] as number))) return true;
    }
    if ((network.sinkFlow[mentor] as number) < (network.capacity[mentor] as number)) {
      return this.relax(node, network.sink, noPair, own - (potential[network.sink] as number));
    }
    return false;
  }

  /** Only reached after the first solve, when pricing left imbalances between mentees and mentors. */
  private relaxSink(): boolean {
    const { network } = this;
    const { potential, sink } = network;
    const n = network.menteeCount;
    const own = potential[sink] as number;
    for (let i = 0; i < n; i++) {
      if ((network.bypass[i] as number) > 0 && this.relax(sink, i, noPair, own - (potential[i] as number))) return true;
    }
    for (let j = 0; j < network.sinkFlow.length; j++) {
      if ((network.sinkFlow[j] as number) > 0 && this.relax(sink, n + j, noPair, own - (potential[n + j] as number))) return true;
    }
    return false;
  }

  private relax(tail: number, head: number, pair: number, reducedCost: number): boolean {
    if (reducedCost < 0) throw new Error(`solver invariant broken: reduced cost ${reducedCost} on arc ${tail}→${head}`);
    if (this.settledIn[head] === this.generation) return false;
    const candidate = (this.distance[tail] as number) + reducedCost;
    if (this.reachedIn[head] !== this.generation) {
      this.reachedIn[head] = this.generation;
      this.distance[head] = candidate;
      this.predecessor[head] = tail;
      this.predecessorPair[head] = pair;
      this.heap.push(head);
    } else if (candidate < (this.distance[head] as number)) {
      this.distance[head] = candidate;
      this.predecessor[head] = tail;
      this.predecessorPair[head] = pair;
      this.heap.decreased(head);
    } else {
      return false;
    }
    if (reducedCost === 0 && (this.network.excess[head] as number) < 0) {
      this.target = head;
      return true;
    }
    return false;
  }

  private pushUnit(source: number, target: number): void {
    const { network } = this;
    const n = network.menteeCount;
    for (let head = target; head !== source; ) {
      const tail = this.predecessor[head] as number;
      const pair = this.predecessorPair[head] as number;
      if (pair !== noPair) {
        if (tail < n) network.assign(pair);
        else network.unassign(pair);
      } else if (tail === network.sink) {
        if (head < n) (network.bypass[head] as number) -= 1;
        else (network.sinkFlow[head - n] as number) -= 1;
      } else if (tail < n) {
        (network.bypass[tail] as number) += 1;
      } else {
        (network.sinkFlow[tail - n] as number) += 1;
      }
      head = tail;
    }
    (network.excess[source] as number) -= 1;
    (network.excess[target] as number) += 1;
  }

  private updatePotentials(pathDistance: number): void {
    const { potential } = this.network;
    for (let k = 0; k < this.settledCount; k++) {
      const node = this.settled[k] as number;
      (potential[node] as number) += (this.distance[node] as number) - pathDistance;
    }
  }
}
