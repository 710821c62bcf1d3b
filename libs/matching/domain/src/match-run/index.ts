export type {
  GroupFigures,
  MatchRunInput,
  MatchRunReport,
  MatchRunResult,
  MentorProfile,
  ProposedPair,
  UnmatchedMentee,
  UnmatchedReason,
} from './match-run-types';
export { runMatching } from './run-matching';
export { suggestMentors } from './suggest-mentors';
export type { MentorSuggestion, SuggestableMentor } from './suggest-mentors';
export { compareRuns, comparedFigures } from './compare-runs';
export type { ComparedFigure, RunComparison, RunSnapshot } from './compare-runs';
export { MIN_GROUP_SIZE } from './group-figures';
