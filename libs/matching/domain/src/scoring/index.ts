export type {
  CustomQuestion,
  HardRules,
  MatchingProfile,
  MatchingRules,
  ProgramType,
  ScoringContext,
} from './matching-profile';
export { assessPair } from './assess-pair';
export type { CriterionScore, HardRule, PairAssessment, RuleViolation } from './assess-pair';
export { createPairScorer, scorePair } from './score-pair';
export type { PairScorer } from './score-pair';
export { builtInCriteria, compileRules } from './compiled-rules';
export type { BuiltInCriterion } from './compiled-rules';
export { hardRuleOrder } from './hard-rules';
export { normaliseTag } from './tags';
export { previousPairsOf } from './previous-pairs';
export type { PastRelationship } from './previous-pairs';
