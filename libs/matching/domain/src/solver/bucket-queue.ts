import { NodeHeap } from './node-heap';

/** Distances (hundredths) below this get a bucket; scores are 0–100 points, so searches rarely go beyond. */
const bucketCount = 1 << 16;
const absent = -1;
const inOverflow = -2;

/**
 * Dijkstra's queue for integer distances that never decrease below the last popped one (Dial's
 * buckets): push, decrease and pop in O(1) instead of a heap's O(log n), which is most of a
 * search's cost. Distances beyond the buckets fall back to a binary heap. Equal distances pop in
 * a fixed order (last pushed first), so searches stay deterministic.
 */
export class BucketQueue {
  private readonly head = new Int32Array(bucketCount).fill(absent);
  private readonly next: Int32Array;
  private readonly previous: Int32Array;
  /** The node's bucket, `inOverflow`, or `absent`. */
  private readonly where: Int32Array;
  private readonly overflow: NodeHeap;
  /** Nodes pushed since the last clear, to clear only what was used. */
  private readonly pushed: Int32Array;
  private pushedCount = 0;
  private size = 0;
  private cursor = 0;

  constructor(
    nodeCount: number,
    private readonly distance: Float64Array,
  ) {
    this.next = new Int32Array(nodeCount);
    this.previous = new Int32Array(nodeCount);
    this.where = new Int32Array(nodeCount).fill(absent);
    this.pushed = new Int32Array(nodeCount);
    this.overflow = new NodeHeap(nodeCount, distance);
  }

  get isEmpty(): boolean {
    return this.size === 0;
  }

  clear(): void {
    for (let k = 0; k < this.pushedCount; k++) {
      const node = this.pushed[k] as number;
      const bucket = this.where[node] as number;
      if (bucket >= 0) this.head[bucket] = absent;
      this.where[node] = absent;
    }
    this.overflow.clear();
    this.pushedCount = 0;
    this.size = 0;
    this.cursor = 0;
  }

  push(node: number): void {
    this.pushed[this.pushedCount++] = node;
    this.size += 1;
    this.insert(node);
  }

  /** Call after lowering the node's distance. */
  decreased(node: number): void {
    const bucket = this.where[node] as number;
    if (bucket === inOverflow) this.overflow.remove(node);
    else this.unlink(node, bucket);
    this.insert(node);
  }

  pop(): number {
    this.size -= 1;
    while (this.cursor < bucketCount && this.head[this.cursor] === absent) this.cursor += 1;
    if (this.cursor === bucketCount) {
      const node = this.overflow.pop();
      this.where[node] = absent;
      return node;
    }
    const node = this.head[this.cursor] as number;
    this.unlink(node, this.cursor);
    this.where[node] = absent;
    return node;
  }

  private insert(node: number): void {
    const bucket = this.distance[node] as number;
    if (bucket >= bucketCount) {
      this.where[node] = inOverflow;
      this.overflow.push(node);
      return;
    }
    const first = this.head[bucket] as number;
    this.next[node] = first;
    this.previous[node] = absent;
    if (first !== absent) this.previous[first] = node;
    this.head[bucket] = node;
    this.where[node] = bucket;
  }

  private unlink(node: number, bucket: number): void {
    const before = this.previous[node] as number;
    const after = this.next[node] as number;
    if (before === absent) this.head[bucket] = after;
    else this.next[before] = after;
    if (after !== absent) this.previous[after] = before;
  }
}
