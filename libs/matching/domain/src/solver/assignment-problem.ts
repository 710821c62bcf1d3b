/**
 * Max-weight bipartite b-matching: each mentee gets at most `demand` distinct mentors, each mentor
 * at most `capacity` mentees, every pair at most once; people may stay unmatched.
 */
export interface AssignmentProblem {
  readonly menteeDemand: readonly number[];
  readonly mentorCapacity: readonly number[];
  /**
   * Score of the pair, with at most 2 decimals, or null if not allowed (hard rule or below the
   * minimum score). Called many times: must be pure and deterministic.
   */
  readonly score: (mentee: number, mentor: number) => number | null;
  /**
   * The same scores in integer hundredths, when the caller keeps them that way (a score cache):
   * the solver then reads them as they are instead of converting every `score`.
   */
  readonly scoreInHundredths?: (mentee: number, mentor: number) => number | null;
  /**
   * One mentee's scores against every mentor at once, in hundredths (`out[mentor]`, NOT_ALLOWED
   * where `score` is null): the same numbers, for the passes that read every pair row by row,
   * when the caller computes a row faster than its pairs one by one.
   */
  readonly scoreRowInHundredths?: (mentee: number, out: Int32Array) => void;
  /**
   * Upper bounds of a row's scores in hundredths (NOT_ALLOWED where `score` is null), when the
   * caller keeps them cheaper than the scores: a check reads these and asks `score` only for the
   * pairs a bound cannot settle.
   */
  readonly scoreRowUpperBoundsInHundredths?: (mentee: number, out: Int32Array) => void;
}

/** A row entry for a pair that is not allowed (never a score: scores are far smaller). */
export const NOT_ALLOWED = -0x80000000;

export interface AssignedPair {
  readonly mentee: number;
  readonly mentor: number;
  readonly score: number;
}

/** The LP dual variable of the pair's `x ≤ 1` bound; only assigned pairs may carry one. */
export interface PairPotential {
  readonly mentee: number;
  readonly mentor: number;
  readonly value: number;
}

/**
 * LP dual of max Σ s·x subject to Σ_j x_ij ≤ demand_i, Σ_i x_ij ≤ capacity_j, 0 ≤ x ≤ 1:
 * every potential ≥ 0 and u_i + v_j + w_ij ≥ s_ij for every allowed pair. When the dual objective
 * Σ demand·u + Σ capacity·v + Σ w equals the assignment's total, no assignment scores more.
 */
export interface OptimalityCertificate {
  readonly menteePotentials: readonly number[];
  readonly mentorPotentials: readonly number[];
  /** w_ij for assigned pairs where it is positive; every pair not listed has w = 0. */
  readonly pairPotentials: readonly PairPotential[];
}

export interface SolveStats {
  /** Pricing passes over all allowed pairs (the last one finds nothing to add). */
  readonly pricingRounds: number;
  /** Pairs the flow network ended with: the initial candidates plus those pricing added. */
  readonly candidatePairs: number;
  /** Calls made to `problem.score`. */
  readonly scoreCalls: number;
  /** Shortest augmenting paths searched. */
  readonly augmentations: number;
}

export interface AssignmentSolution {
  /** Sorted by mentee, then mentor. */
  readonly pairs: readonly AssignedPair[];
  readonly totalScore: number;
  readonly certificate: OptimalityCertificate;
  readonly stats: SolveStats;
}

export type SolvePhase = 'candidates' | 'solve' | 'pricing';

export interface SolveProgress {
  readonly phase: SolvePhase;
  readonly done: number;
  readonly total: number;
}

export interface SolveOptions {
  readonly onProgress?: (progress: SolveProgress) => void;
  /**
   * Candidate mentors per mentee before the first solve, beyond its demand (default 2), and
   * candidate mentees per mentor beyond its capacity (default 2). Pricing adds whatever else the
   * optimum needs, so these only trade first-solve size against pricing rounds.
   */
  readonly extraCandidatesPerMentee?: number;
  readonly extraCandidatesPerMentor?: number;
  /**
   * Next-best pairs per mentee and per mentor kept in memory for pricing (default 32 each): only
   * pairs beyond them cost new score calls when the duals are checked.
   */
  readonly reservedPairsPerMentee?: number;
  readonly reservedPairsPerMentor?: number;
  /**
   * Bids per single-mentor mentee in the auction that assigns most mentees before the
   * shortest-path phase (default 32; 0 turns the warm start off). Speed only: the result is the
   * same optimum either way.
   */
  readonly auctionBidsPerMentee?: number;
}

export interface CertificateCheck {
  readonly valid: boolean;
  /** Each names the pair, mentee or mentor and the broken condition. */
  readonly violations: readonly string[];
}
