import type { CriterionScore } from '../scoring/assess-pair';
import type { MatchingProfile, MatchingRules, ScoringContext } from '../scoring/matching-profile';
import type { SolvePhase } from '../solver';
import type { DisclosureBaseline } from './group-disclosure';
import type { ScoreRowsElsewhere } from './run-scores';

export type MentorProfile = MatchingProfile & { readonly remainingCapacity: number };

export interface MatchRunInput {
  readonly mentees: readonly MatchingProfile[];
  readonly mentors: readonly MentorProfile[];
  readonly mentorsPerMentee: number;
  readonly rules: MatchingRules;
  readonly context: ScoringContext;
  /** Group programs: a mentor leads one group of at most this many mentees, whatever their capacity. */
  readonly maxGroupSize?: number;
  /** A reviewed draft's constraints, kept by the re-solve (participant ids). */
  readonly constraints?: DraftConstraints;
  /** Figures already shown (earlier runs, enrolment) that this run's group figures must not difference against. */
  readonly disclosureBaselines?: readonly DisclosureBaseline[];
}

/** What a run is doing: the solver's phases (see solver/), then checking its certificate. */
export type MatchRunPhase = SolvePhase | 'certificate';

export interface MatchRunProgress {
  readonly phase: MatchRunPhase;
  readonly done: number;
  readonly total: number;
}

export interface MatchRunOptions {
  /** Called as the run moves on (a few hundred times at most, whatever its size). */
  readonly onProgress?: (progress: MatchRunProgress) => void;
  /** Other threads to score rows on, for a large run (see `RunScoresOptions`). */
  readonly scoreRowsElsewhere?: ScoreRowsElsewhere;
}

export interface PairRef {
  readonly menteeId: string;
  readonly mentorId: string;
}

/** An admin's review of a draft: pairs that must be made, pairs that must not, mentees left out. */
export interface DraftConstraints {
  readonly pinned: readonly PairRef[];
  readonly forbidden: readonly PairRef[];
  readonly removed: readonly string[];
}

/** Ids are participant ids. */
export interface ProposedPair {
  readonly menteeId: string;
  readonly mentorId: string;
  readonly score: number;
  readonly breakdown: readonly CriterionScore[];
}

export type UnmatchedReason = 'no-eligible-mentor' | 'below-minimum-score' | 'capacity-exhausted';

export interface UnmatchedMentee {
  readonly menteeId: string;
  readonly reason: UnmatchedReason;
  readonly explanation: string;
}

export interface GroupFigures {
  readonly dimension: string;
  readonly group: string;
  readonly mentees: number;
  readonly matched: number;
  /** matched / mentees, 0–1. */
  readonly matchRate: number;
  /** Mean score of the group's proposed pairs; null when it has none. */
  readonly meanScore: number | null;
}

export interface MatchRunReport {
  readonly matched: number;
  readonly unmatched: number;
  readonly totalScore: number;
  readonly meanScore: number | null;
  readonly minScore: number | null;
  readonly unmatchedMentees: readonly UnmatchedMentee[];
  /**
   * Dimensions department, location, demographic:<key> (consented only); a group is suppressed when
   * under 5 mentees or when its figures, subtracted from the run's totals or from an earlier run's
   * or the enrolment's, would single out fewer than 5 people.
   */
  readonly groups: readonly GroupFigures[];
  readonly suppressedGroups: number;
}

export interface MatchRunResult {
  readonly pairs: readonly ProposedPair[];
  readonly report: MatchRunReport;
  /** verifyCertificate(...).valid: no other assignment has a higher total score. */
  readonly optimal: boolean;
  readonly certificateViolations: readonly string[];
}
