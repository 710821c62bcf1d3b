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
  /** Upper bound on the scores of pairs in neither the candidates nor the reserve. */
  readonly menteeBestLeftOut: Float64Array;
  readonly mentorBestLeftOut: Float64Array;
  readonly reserve: ReservedPairs;
}

/** Per mentee, the pairs ranked just after its candidates: entries start[i]..start[i+1]. */
export interface ReservedPairs {
  readonly start: Int32Array;
  readonly mentor: Int32Array;
  readonly score: Float64Array;
  /** 1 once the pair is in the flow network. */
  readonly added: Uint8Array;
}

export type ScoreInHundredths = (mentee: number, mentor: number) => number | null;

/** Turns the problem's score into hundredths, counting calls and rejecting malformed scores. */
export function hundredthsScorer(score: (mentee: number, mentor: number) => number | null, counter: { calls: number }): ScoreInHundredths {
  return (mentee, mentor) => {
    counter.calls += 1;
    const value = score(mentee, mentor);
    return value === null ? null : toHundredths(value, () => `score(${mentee}, ${mentor})`);
  };
}

export interface CandidateSizes {
  /** Candidates per mentee beyond its demand. */
  readonly extraPerMentee: number;
  /** Candidates per mentor beyond its capacity (its best mentees). */
  readonly extraPerMentor: number;
  readonly reservePerMentee: number;
}

/**
 * Scores every pair once. Candidates are each mentee's top (demand + extra) mentors and each
 * mentor's top (capacity + extra) mentees: the mentor side matters when everyone's favourites
 * are the same few mentors, or the first solve would leave every other mentor idle.
 */
export function addInitialCandidates(network: FlowNetwork, score: ScoreInHundredths, sizes: CandidateSizes, onRow: (done: number) => void): ScoreBounds {
  const n = network.menteeCount;
  const m = network.capacity.length;
  const bounds = {
    menteeBest: new Float64Array(n).fill(-Infinity),
    mentorBest: new Float64Array(m).fill(-Infinity),
    menteeBestLeftOut: new Float64Array(n).fill(-Infinity),
    mentorBestLeftOut: new Float64Array(m).fill(-Infinity),
  };
  const reserve = new ReserveBuilder(n);
  const rowTop = new TopList(maxOf(network.demand) + sizes.extraPerMentee + sizes.reservePerMentee);
  const columnTops = Array.from(network.capacity, (capacity) => new TopList(capacity > 0 ? capacity + sizes.extraPerMentor : 0));
  for (let i = 0; i < n; i++) {
    const demand = network.demand[i] as number;
    const candidates = demand > 0 ? demand + sizes.extraPerMentee : 0;
    rowTop.reset(candidates > 0 ? candidates + sizes.reservePerMentee : 0);
    for (let j = 0; j < m; j++) {
      const s = score(i, j);
      if (s === null) continue;
      if (s > (bounds.menteeBest[i] as number)) bounds.menteeBest[i] = s;
      if (s > (bounds.mentorBest[j] as number)) bounds.mentorBest[j] = s;
      if (demand === 0 || (network.capacity[j] as number) === 0) continue;
      const columnTop = columnTops[j] as TopList;
      if (columnTop.admits(s)) columnTop.offer(i, s);
      const leftOut = rowTop.offer(j, s);
      if (leftOut < 0) continue;
      const leftOutScore = rowTop.leftOutScore;
      if (leftOutScore > (bounds.menteeBestLeftOut[i] as number)) bounds.menteeBestLeftOut[i] = leftOutScore;
      if (leftOutScore > (bounds.mentorBestLeftOut[leftOut] as number)) bounds.mentorBestLeftOut[leftOut] = leftOutScore;
    }
    for (let k = 0; k < Math.min(candidates, rowTop.size); k++) network.addPair(i, rowTop.id[k] as number, rowTop.score[k] as number);
    reserve.addRow(rowTop, candidates);
    onRow(i + 1);
  }
  const reserved = reserve.build();
  columnTops.forEach((top, j) => addMentorsBest(network, reserved, top, j));
  return { ...bounds, reserve: reserved };
}

/** Adds a mentor's best mentees that are not already its candidates (a reserved pair moves over). */
function addMentorsBest(network: FlowNetwork, reserve: ReservedPairs, top: TopList, mentor: number): void {
  for (let k = 0; k < top.size; k++) {
    const mentee = top.id[k] as number;
    if ((network.menteePairs[mentee] as number[]).some((pair) => network.pairs.mentor[pair] === mentor)) continue;
    network.addPair(mentee, mentor, top.score[k] as number);
    for (let e = reserve.start[mentee] as number; e < (reserve.start[mentee + 1] as number); e++) {
      if (reserve.mentor[e] === mentor) reserve.added[e] = 1;
    }
  }
}

class ReserveBuilder {
  private readonly start: Int32Array;
  private readonly mentor: number[] = [];
  private readonly score: number[] = [];
  private rows = 0;

  constructor(menteeCount: number) {
    this.start = new Int32Array(menteeCount + 1);
  }

  addRow(top: TopList, from: number): void {
    for (let k = from; k < top.size; k++) {
      this.mentor.push(top.id[k] as number);
      this.score.push(top.score[k] as number);
    }
    this.rows += 1;
    this.start[this.rows] = this.mentor.length;
  }

  build(): ReservedPairs {
    return { start: this.start, mentor: Int32Array.from(this.mentor), score: Float64Array.from(this.score), added: new Uint8Array(this.mentor.length) };
  }
}

function maxOf(values: Int32Array): number {
  let max = 0;
  for (let k = 0; k < values.length; k++) max = Math.max(max, values[k] as number);
  return max;
}
