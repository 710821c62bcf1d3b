export type {
  DraftConstraints,
  GroupFigures,
  MatchRunInput,
  MatchRunOptions,
  MatchRunPhase,
  MatchRunProgress,
  MatchRunReport,
  MatchRunResult,
  MentorProfile,
  PairRef,
  ProposedPair,
  UnmatchedMentee,
  UnmatchedReason,
} from './match-run-types';
export { checkRunConstraints, runMatching } from './run-matching';
export { cachedScores, SCORE_CACHE_MAX_PAIRS } from './score-cache';
export { MIN_PAIRS_TO_SHARE, runScoresOf, scoreRowsAlongside } from './run-scores';
export type { RowScoringJob, RunScoresOptions, ScoreRowsElsewhere } from './run-scores';
export { ROWS_PER_BLOCK } from './shared-score-rows';
export type { SharedScoreRows } from './shared-score-rows';
export { suggestMentors } from './suggest-mentors';
export type { MentorSuggestion, SuggestableMentor } from './suggest-mentors';
export { compareRuns, comparedFigures } from './compare-runs';
export type { ComparedFigure, RunComparison, RunSnapshot } from './compare-runs';
export { MIN_GROUP_SIZE } from './group-figures';
export type { DisclosureBaseline, MenteeStatus } from './group-disclosure';
export { formRelationships } from './form-groups';
export type { ProposedRelationship } from './form-groups';
export { explainPair } from './why-not';
export type { PairBlocker, PairExplanation } from './why-not';
export { reviseDraft } from './revise-draft';
export type { DraftChange } from './revise-draft';
