import type { AssignedPair, AssignmentProblem } from './assignment-problem';
import { fromHundredths, toHundredths } from './hundredths';

/** Pairs fetched per mentee at first; a mentee whose list runs out is rescanned for twice as many. */
const batchBeyondDemand = 8;

/**
 * Baseline for the bench: takes allowed pairs by score descending (then mentee, then mentor) while
 * both sides have room. Same result as sorting all pairs, but holds only a short sorted list per
 * mentee, merged through a heap, instead of mentees × mentors pairs.
 */
export function greedyAssignment(problem: AssignmentProblem): {
  pairs: readonly AssignedPair[];
  totalScore: number;
} {
  const n = problem.menteeDemand.length;
  const roomOfMentor = Int32Array.from(problem.mentorCapacity);
  const roomOfMentee = Int32Array.from(problem.menteeDemand);
  const lists: (RowList | undefined)[] = [];
  const heap = new RowHeap();
  for (let i = 0; i < n; i++) {
    if ((roomOfMentee[i] as number) <= 0) continue;
    const list = nextBatch(
      problem,
      i,
      (roomOfMentee[i] as number) + batchBeyondDemand,
      Infinity,
      -1,
      roomOfMentor,
    );
    lists[i] = list;
    if (list.at < list.mentors.length) heap.push(i, list);
  }
  const pairs: AssignedPair[] = [];
  let total = 0;
  while (heap.size > 0) {
    const mentee = heap.pop();
    const list = lists[mentee] as RowList;
    const mentor = list.mentors[list.at] as number;
    const score = list.scores[list.at] as number;
    list.at += 1;
    if ((roomOfMentor[mentor] as number) > 0) {
      roomOfMentor[mentor] = (roomOfMentor[mentor] as number) - 1;
      roomOfMentee[mentee] = (roomOfMentee[mentee] as number) - 1;
      pairs.push({ mentee, mentor, score: fromHundredths(score) });
      total += score;
    }
    if ((roomOfMentee[mentee] as number) === 0) continue;
    if (list.at === list.mentors.length && list.full) {
      const next = nextBatch(problem, mentee, list.mentors.length * 2, score, mentor, roomOfMentor);
      lists[mentee] = next;
      if (next.mentors.length > 0) heap.push(mentee, next);
    } else if (list.at < list.mentors.length) {
      heap.push(mentee, list);
    }
  }
  pairs.sort((a, b) => a.mentee - b.mentee || a.mentor - b.mentor);
  return { pairs, totalScore: fromHundredths(total) };
}

interface RowList {
  readonly mentors: number[];
  /** Hundredths, descending; equal scores by mentor index. */
  readonly scores: number[];
  /** True when the batch hit its size, so the row may hold more pairs after it. */
  readonly full: boolean;
  at: number;
}

/**
 * The row's best `size` allowed pairs that come after (afterScore, afterMentor) in greedy order,
 * leaving out mentors already full (they stay full, so those pairs could never be taken).
 */
function nextBatch(
  problem: AssignmentProblem,
  mentee: number,
  size: number,
  afterScore: number,
  afterMentor: number,
  roomOfMentor: Int32Array,
): RowList {
  const mentors: number[] = [];
  const scores: number[] = [];
  let allowedAfter = 0;
  for (let j = 0; j < problem.mentorCapacity.length; j++) {
    if ((roomOfMentor[j] as number) === 0) continue;
    const value = problem.score(mentee, j);
    if (value === null) continue;
    const s = toHundredths(value, () => `score(${mentee}, ${j})`);
    if (s < 0 || s > afterScore || (s === afterScore && j <= afterMentor)) continue;
    allowedAfter += 1;
    if (mentors.length === size && s <= (scores[size - 1] as number)) continue;
    let k = mentors.length === size ? size - 1 : mentors.length;
    while (k > 0 && (scores[k - 1] as number) < s) {
      mentors[k] = mentors[k - 1] as number;
      scores[k] = scores[k - 1] as number;
      k -= 1;
    }
    mentors[k] = j;
    scores[k] = s;
  }
  return { mentors, scores, full: allowedAfter > size, at: 0 };
}

/** Max-heap of mentees by their list's next pair: score descending, then mentee, then mentor. */
class RowHeap {
  private readonly mentees: number[] = [];
  private readonly keys: { score: number; mentee: number; mentor: number }[] = [];

  get size(): number {
    return this.mentees.length;
  }

  push(mentee: number, list: RowList): void {
    this.mentees.push(mentee);
    this.keys.push({
      score: list.scores[list.at] as number,
      mentee,
      mentor: list.mentors[list.at] as number,
    });
    let k = this.mentees.length - 1;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (!this.before(k, parent)) break;
      this.swap(k, parent);
      k = parent;
    }
  }

  pop(): number {
    const top = this.mentees[0] as number;
    const lastMentee = this.mentees.pop() as number;
    const lastKey = this.keys.pop() as RowHeap['keys'][number];
    if (this.mentees.length > 0) {
      this.mentees[0] = lastMentee;
      this.keys[0] = lastKey;
      for (let k = 0; ;) {
        let child = 2 * k + 1;
        if (child >= this.mentees.length) break;
        if (child + 1 < this.mentees.length && this.before(child + 1, child)) child += 1;
        if (!this.before(child, k)) break;
        this.swap(k, child);
        k = child;
      }
    }
    return top;
  }

  private before(a: number, b: number): boolean {
    const x = this.keys[a] as RowHeap['keys'][number];
    const y = this.keys[b] as RowHeap['keys'][number];
    return (
      x.score > y.score ||
      (x.score === y.score && (x.mentee < y.mentee || (x.mentee === y.mentee && x.mentor < y.mentor)))
    );
  }

  private swap(a: number, b: number): void {
    [this.mentees[a], this.mentees[b]] = [this.mentees[b] as number, this.mentees[a] as number];
    [this.keys[a], this.keys[b]] = [
      this.keys[b] as RowHeap['keys'][number],
      this.keys[a] as RowHeap['keys'][number],
    ];
  }
}
