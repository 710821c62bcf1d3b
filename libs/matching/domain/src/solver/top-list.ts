/**
 * The best `limit` ids by score, descending. Ids arrive in increasing order and only a strictly
 * better score displaces an entry, so on equal scores the lower id stays: deterministic ties.
 */
export class TopList {
  readonly id: Int32Array;
  readonly score: Float64Array;
  size = 0;
  private limit: number;

  constructor(maxLimit: number, limit = maxLimit) {
    this.id = new Int32Array(maxLimit);
    this.score = new Float64Array(maxLimit);
    this.limit = limit;
  }

  reset(limit: number): void {
    this.limit = limit;
    this.size = 0;
  }

  /** What a score must exceed to enter: -Infinity while there is room, Infinity when the limit is 0. */
  floor(): number {
    if (this.limit === 0) return Infinity;
    return this.size < this.limit ? -Infinity : (this.score[this.limit - 1] as number);
  }

  /** Offers an id: it enters if its score beats the floor, the last entry leaving when the list is full. */
  offer(id: number, s: number): void {
    if (!(s > this.floor())) return;
    if (this.size === this.limit) this.size -= 1;
    let k = this.size;
    while (k > 0 && (this.score[k - 1] as number) < s) {
      this.id[k] = this.id[k - 1] as number;
      this.score[k] = this.score[k - 1] as number;
      k -= 1;
    }
    this.id[k] = id;
    this.score[k] = s;
    this.size += 1;
  }
}
