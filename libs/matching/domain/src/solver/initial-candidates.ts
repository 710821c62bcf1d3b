import { NOT_ALLOWED, type AssignmentProblem } from './assignment-problem';
import type { FlowNetwork } from './flow-network';
import { toHundredths } from './hundredths';
import { TopList } from './top-list';

/**
 * What the first pass over every allowed pair learned beyond the candidates: each mentee's next
 * best pairs (the reserve, priced from memory without calling score again) and bounds on the
 * pairs left out of both, so pricing can skip rows and columns that cannot hold a violated pair.
 */
export interface ScoreBounds {
  /** Best score per mentee / mentor over all allowed pairs (hundredths; -Infinity if none). */
  readonly menteeBest: Float64Array;
  readonly mentorBest: Float64Array;
  /** Best score of pairs outside the mentee's own top list / the mentor's own top list. */
  readonly menteeBestLeftOut: Float64Array;
  readonly mentorBestLeftOut: Float64Array;
  readonly reserve: ReservedPairs;
}

/** Per mentee, the pairs ranked just after its candidates: entries start[i]..start[i+1], best first. */
export interface ReservedPairs {
  readonly start: Int32Array;
  readonly mentor: Int32Array;
  readonly score: Float64Array;
  /** 1 once the pair is in the flow network. */
  readonly added: Uint8Array;
}

export type ScoreInHundredths = (mentee: number, mentor: number) => number | null;

/** The problem's scores in hundredths (converted, unless it has them so), counting calls and rejecting malformed scores. */
export function hundredthsScorer(
  problem: Pick<AssignmentProblem, 'score' | 'scoreInHundredths'>,
  counter: { calls: number },
): ScoreInHundredths {
  const { score, scoreInHundredths } = problem;
  if (scoreInHundredths)
    return (mentee, mentor) => {
      counter.calls += 1;
      return scoreInHundredths(mentee, mentor);
    };
  return (mentee, mentor) => {
    counter.calls += 1;
    const value = score(mentee, mentor);
    return value === null ? null : toHundredths(value, () => `score(${mentee}, ${mentor})`);
  };
}

export type ScoreRowInHundredths = (mentee: number, out: Int32Array) => void;

/** Whole rows of the problem's scores (NOT_ALLOWED where none), by its row function or pair by pair. */
export function hundredthsRowScorer(
  problem: Pick<AssignmentProblem, 'score' | 'scoreInHundredths' | 'scoreRowInHundredths' | 'mentorCapacity'>,
  counter: { calls: number },
): ScoreRowInHundredths {
  const m = problem.mentorCapacity.length;
  const { scoreRowInHundredths } = problem;
  if (scoreRowInHundredths)
    return (mentee, out) => {
      counter.calls += m;
      scoreRowInHundredths(mentee, out);
    };
  const score = hundredthsScorer(problem, counter);
  return (mentee, out) => {
    for (let j = 0; j < m; j++) out[j] = score(mentee, j) ?? NOT_ALLOWED;
  };
}

export interface CandidateSizes {
  /** Candidates per mentee beyond its demand. */
  readonly extraPerMentee: number;
  /** Candidates per mentor beyond its capacity (its best mentees). */
  readonly extraPerMentor: number;
  /** Pairs kept in memory (not in the network) after each mentee's and each mentor's candidates. */
  readonly reservePerMentee: number;
  readonly reservePerMentor: number;
}

/**
 * Scores every pair once. Candidates are each mentee's top (demand + extra) mentors and each
 * mentor's top (capacity + extra) mentees: the mentor side matters when everyone's favourites
 * are the same few mentors, or the first solve would leave every other mentor idle. The next
 * best pairs on both sides become the reserve; everything else is summed up by two bounds.
 */
export function addInitialCandidates(
  network: FlowNetwork,
  scoreRow: ScoreRowInHundredths,
  sizes: CandidateSizes,
  onRow: (done: number) => void,
): ScoreBounds {
  const n = network.menteeCount;
  const m = network.capacity.length;
  const bounds = {
    menteeBest: new Float64Array(n).fill(-Infinity),
    mentorBest: new Float64Array(m).fill(-Infinity),
    menteeBestLeftOut: new Float64Array(n).fill(-Infinity),
    mentorBestLeftOut: new Float64Array(m).fill(-Infinity),
  };
  const reserve = new ReserveBuilder(n);
  // Each list keeps one entry more than it offers: that entry's score is the best score left out
  // of the list (refused or displaced), which the bounds need, without a test per pair.
  const rowTop = new TopList(maxOf(network.demand) + sizes.extraPerMentee + sizes.reservePerMentee + 1);
  const columnLimit = Int32Array.from(network.capacity, (capacity) =>
    capacity > 0 ? capacity + sizes.extraPerMentor + sizes.reservePerMentor : 0,
  );
  const columnTops = Array.from(columnLimit, (limit) => new TopList(limit > 0 ? limit + 1 : 0));
  const closedColumns = Int32Array.from(
    Array.from(network.capacity.keys()).filter((j) => network.capacity[j] === 0),
  );
  const row = new Int32Array(m);
  // What a score must beat to enter each list, kept beside the lists so the inner loop compares
  // integers and calls a list only for the few scores that enter it. A list with room has the
  // floor NOT_ALLOWED, which lets every score in but not NOT_ALLOWED itself.
  const columnFloor = Int32Array.from(columnTops, (top) => floorAsInteger(top));
  const { menteeBest, mentorBest, menteeBestLeftOut, mentorBestLeftOut } = bounds;
  const { capacity } = network;
  for (let i = 0; i < n; i++) {
    const demand = network.demand[i] as number;
    scoreRow(i, row);
    if (demand === 0) {
      // No candidates: only the bounds learn from this row.
      let rowBest = NOT_ALLOWED;
      for (let j = 0; j < m; j++) {
        const s = row[j] as number;
        if (s > rowBest) rowBest = s;
        if (s > (mentorBest[j] as number) && s !== NOT_ALLOWED) mentorBest[j] = s;
      }
      menteeBest[i] = noneIfNotAllowed(rowBest);
      onRow(i + 1);
      continue;
    }
    const candidates = demand + sizes.extraPerMentee;
    const rowLimit = candidates + sizes.reservePerMentee;
    rowTop.reset(rowLimit + 1);
    let rowFloor = floorAsInteger(rowTop);
    for (let j = 0; j < m; j++) {
      const s = row[j] as number;
      if (s > (columnFloor[j] as number)) {
        const columnTop = columnTops[j] as TopList;
        columnTop.offer(i, s);
        columnFloor[j] = floorAsInteger(columnTop);
      }
      if (s > rowFloor && (capacity[j] as number) > 0) {
        rowTop.offer(j, s);
        rowFloor = floorAsInteger(rowTop);
      }
    }
    // Closed mentors (no capacity) are in no list: their pairs only bound.
    let rowBest = rowTop.size > 0 ? (rowTop.score[0] as number) : NOT_ALLOWED;
    for (let c = 0; c < closedColumns.length; c++) {
      const j = closedColumns[c] as number;
      const s = row[j] as number;
      if (s > rowBest) rowBest = s;
      if (s > (mentorBest[j] as number) && s !== NOT_ALLOWED) mentorBest[j] = s;
    }
    menteeBest[i] = noneIfNotAllowed(rowBest);
    menteeBestLeftOut[i] = rowTop.size > rowLimit ? (rowTop.score[rowLimit] as number) : -Infinity;
    for (let k = 0; k < Math.min(rowTop.size, rowLimit); k++) {
      if (k < candidates) network.addPair(i, rowTop.id[k] as number, rowTop.score[k] as number);
      else reserve.add(i, rowTop.id[k] as number, rowTop.score[k] as number);
    }
    onRow(i + 1);
  }
  columnTops.forEach((top, j) => {
    const limit = columnLimit[j] as number;
    if (top.size > 0) mentorBest[j] = Math.max(mentorBest[j] as number, top.score[0] as number);
    if (top.size > limit) mentorBestLeftOut[j] = top.score[limit] as number;
    const capacityOf = capacity[j] as number;
    for (let k = 0; k < Math.min(top.size, limit); k++) {
      const mentee = top.id[k] as number;
      const s = top.score[k] as number;
      if (isCandidate(network, mentee, j)) continue;
      if (k < capacityOf + sizes.extraPerMentor) {
        reserve.remove(mentee, j);
        network.addPair(mentee, j, s);
      } else {
        reserve.add(mentee, j, s);
      }
    }
  });
  return { ...bounds, reserve: reserve.build() };
}

/** A list's floor among row entries (hundredths ≤ 10,000, or NOT_ALLOWED): room → NOT_ALLOWED, no room at all → above every score. */
function floorAsInteger(top: TopList): number {
  const floor = top.floor();
  return floor === -Infinity ? NOT_ALLOWED : floor === Infinity ? 0x7fffffff : floor;
}

const noneIfNotAllowed = (best: number) => (best === NOT_ALLOWED ? -Infinity : best);

function isCandidate(network: FlowNetwork, mentee: number, mentor: number): boolean {
  return (network.menteePairs[mentee] as number[]).some((pair) => network.pairs.mentor[pair] === mentor);
}

/** Reserved pairs per mentee, without repeats, flattened into arrays at the end. */
class ReserveBuilder {
  private readonly mentors: number[][];
  private readonly scores: number[][];

  constructor(menteeCount: number) {
    this.mentors = Array.from({ length: menteeCount }, () => []);
    this.scores = Array.from({ length: menteeCount }, () => []);
  }

  add(mentee: number, mentor: number, s: number): void {
    const mentors = this.mentors[mentee] as number[];
    if (mentors.includes(mentor)) return;
    mentors.push(mentor);
    (this.scores[mentee] as number[]).push(s);
  }

  remove(mentee: number, mentor: number): void {
    const at = (this.mentors[mentee] as number[]).indexOf(mentor);
    if (at < 0) return;
    (this.mentors[mentee] as number[]).splice(at, 1);
    (this.scores[mentee] as number[]).splice(at, 1);
  }

  /** Each mentee's entries by score descending (then mentor), so scans can stop at the first that cannot matter. */
  build(): ReservedPairs {
    const start = new Int32Array(this.mentors.length + 1);
    this.mentors.forEach((row, i) => (start[i + 1] = (start[i] as number) + row.length));
    const total = start[this.mentors.length] as number;
    const mentor = new Int32Array(total);
    const score = new Float64Array(total);
    this.mentors.forEach((row, i) => {
      const scores = this.scores[i] as number[];
      const order = row.map((_, k) => k);
      order.sort(
        (a, b) => (scores[b] as number) - (scores[a] as number) || (row[a] as number) - (row[b] as number),
      );
      order.forEach((k, rank) => {
        mentor[(start[i] as number) + rank] = row[k] as number;
        score[(start[i] as number) + rank] = scores[k] as number;
      });
    });
    return { start, mentor, score, added: new Uint8Array(total) };
  }
}

function maxOf(values: Int32Array): number {
  let max = 0;
  for (let k = 0; k < values.length; k++) max = Math.max(max, values[k] as number);
  return max;
}
