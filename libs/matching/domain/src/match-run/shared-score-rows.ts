import { keepScoredRow, UNSCORED } from './score-entries';

/** One mentee's scores against every mentor in hundredths, NOT_ALLOWED where none. */
export type ScoreRow = (mentee: number, out: Int32Array) => void;

/**
 * A run's score cache in shared memory, and the claims by which threads split its rows: each
 * thread takes the next block of rows, scores it into the cache and marks it done.
 */
export interface SharedScoreRows {
  readonly mentees: number;
  readonly mentors: number;
  /** Int16 cache entries (score-entries.ts), row after row. */
  readonly cache: SharedArrayBuffer;
  /** Int32: the next block to claim, whether scoring started, then each block's state. */
  readonly control: SharedArrayBuffer;
}

/** Rows claimed at once: about a millisecond or two of scoring, so a wait for a block is short. */
export const ROWS_PER_BLOCK = 16;
const NEXT_BLOCK = 0;
const STARTED = 1;
const FIRST_STATE = 2;
const CLAIMED = 1;
const DONE = 2;
/**
 * How long the run's own thread waits for a block another thread claimed before scoring it
 * itself: a block takes milliseconds, so this only happens when that thread died or stalled.
 * Both threads write the same scores, so scoring a block twice is harmless.
 */
const LONGEST_WAIT_MS = 250;

export function createSharedScoreRows(mentees: number, mentors: number): SharedScoreRows {
  const cache = new SharedArrayBuffer(mentees * mentors * Int16Array.BYTES_PER_ELEMENT);
  new Int16Array(cache).fill(UNSCORED);
  const blocks = Math.ceil(mentees / ROWS_PER_BLOCK);
  return {
    mentees,
    mentors,
    cache,
    control: new SharedArrayBuffer((FIRST_STATE + blocks) * Int32Array.BYTES_PER_ELEMENT),
  };
}

/** One thread's view of the shared rows: claim, score and wait for blocks. */
export class ScoreRowsClaims {
  private readonly cache: Int16Array;
  private readonly control: Int32Array;
  private readonly blocks: number;
  private readonly row: Int32Array;

  constructor(
    private readonly shared: SharedScoreRows,
    private readonly scoreRow: ScoreRow,
  ) {
    this.cache = new Int16Array(shared.cache);
    this.control = new Int32Array(shared.control);
    this.blocks = Math.ceil(shared.mentees / ROWS_PER_BLOCK);
    this.row = new Int32Array(shared.mentors);
  }

  /** The run's own thread, at its first row: other threads may now score (they may be ready before the run is). */
  start(): void {
    Atomics.store(this.control, STARTED, 1);
    Atomics.notify(this.control, STARTED);
  }

  /** A helper thread, once ready: returns when the run has started scoring. */
  awaitStart(): void {
    while (Atomics.load(this.control, STARTED) === 0) Atomics.wait(this.control, STARTED, 0);
  }

  /** What a helper thread does: scores blocks until none is left unclaimed (or `most`); returns how many it scored. */
  scoreUnclaimedBlocks(most = Infinity): number {
    let scored = 0;
    while (scored < most) {
      const block = this.claim();
      if (block < 0) break;
      this.scoreBlock(block);
      scored += 1;
    }
    return scored;
  }

  /**
   * Returns once the mentee's row is in the cache. Until then this thread scores the next
   * unclaimed blocks itself; when none is left, it waits for the thread scoring the mentee's block.
   */
  awaitRow(mentee: number): void {
    const block = Math.floor(mentee / ROWS_PER_BLOCK);
    const state = FIRST_STATE + block;
    while (Atomics.load(this.control, state) !== DONE) {
      const next = this.claim();
      if (next >= 0) {
        this.scoreBlock(next);
        continue;
      }
      const seen = Atomics.load(this.control, state);
      if (seen === DONE) return;
      if (Atomics.wait(this.control, state, seen, LONGEST_WAIT_MS) === 'timed-out') this.scoreBlock(block);
    }
  }

  private claim(): number {
    const block = Atomics.add(this.control, NEXT_BLOCK, 1);
    if (block >= this.blocks) return -1;
    Atomics.store(this.control, FIRST_STATE + block, CLAIMED);
    return block;
  }

  private scoreBlock(block: number): void {
    const { mentees, mentors } = this.shared;
    const end = Math.min(mentees, (block + 1) * ROWS_PER_BLOCK);
    for (let mentee = block * ROWS_PER_BLOCK; mentee < end; mentee++) {
      this.scoreRow(mentee, this.row);
      keepScoredRow(this.cache, mentee * mentors, this.row, mentors);
    }
    Atomics.store(this.control, FIRST_STATE + block, DONE);
    Atomics.notify(this.control, FIRST_STATE + block);
  }
}
