/**
 * Binary min-heap of node ids keyed by a shared distance array, with decrease-key. Equal distances
 * pop the lower node id first, so searches are deterministic and prefer lower indices.
 */
export class NodeHeap {
  private readonly heap: Int32Array;
  /** Position of each node in the heap, -1 when absent. */
  private readonly position: Int32Array;
  private size = 0;

  constructor(
    nodeCount: number,
    private readonly distance: Float64Array,
  ) {
    this.heap = new Int32Array(nodeCount);
    this.position = new Int32Array(nodeCount).fill(-1);
  }

  get isEmpty(): boolean {
    return this.size === 0;
  }

  clear(): void {
    for (let k = 0; k < this.size; k++) this.position[this.heap[k] as number] = -1;
    this.size = 0;
  }

  push(node: number): void {
    this.heap[this.size] = node;
    this.position[node] = this.size;
    this.size += 1;
    this.siftUp(this.size - 1);
  }

  /** Call after lowering the node's distance. */
  decreased(node: number): void {
    this.siftUp(this.position[node] as number);
  }

  remove(node: number): void {
    const at = this.position[node] as number;
    this.size -= 1;
    this.position[node] = -1;
    if (at === this.size) return;
    const last = this.heap[this.size] as number;
    this.heap[at] = last;
    this.position[last] = at;
    this.siftUp(at);
    this.siftDown(this.position[last] as number);
  }

  pop(): number {
    const top = this.heap[0] as number;
    this.size -= 1;
    this.position[top] = -1;
    if (this.size > 0) {
      const last = this.heap[this.size] as number;
      this.heap[0] = last;
      this.position[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const da = this.distance[a] as number;
    const db = this.distance[b] as number;
    return da < db || (da === db && a < b);
  }

  private siftUp(start: number): void {
    const node = this.heap[start] as number;
    let k = start;
    while (k > 0) {
      const parentAt = (k - 1) >> 1;
      const parent = this.heap[parentAt] as number;
      if (!this.less(node, parent)) break;
      this.heap[k] = parent;
      this.position[parent] = k;
      k = parentAt;
    }
    this.heap[k] = node;
    this.position[node] = k;
  }

  private siftDown(start: number): void {
    const node = this.heap[start] as number;
    let k = start;
    for (;;) {
      let child = 2 * k + 1;
      if (child >= this.size) break;
      const right = child + 1;
      if (right < this.size && this.less(this.heap[right] as number, this.heap[child] as number))
        child = right;
      const smaller = this.heap[child] as number;
      if (!this.less(smaller, node)) break;
      this.heap[k] = smaller;
      this.position[smaller] = k;
      k = child;
    }
    this.heap[k] = node;
    this.position[node] = k;
  }
}
