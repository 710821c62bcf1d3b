// Pure business rules of the analytics service: facts folded from other contexts' events and the
// questions asked of them. No I/O and no framework: lint bans @nestjs/*, mongoose, mongodb and kafkajs here.
export { AnalyticsRuleError, type AnalyticsRuleKind } from './shared/analytics-rule-error';
export { recordEvent, recordedEventKey, historyAsOf, type RecordedEvent } from './facts/recorded-event';
export { factKeyOf, type FactKey } from './facts/fact-key';
export type * from './facts/fact-types';
export { foldFact } from './facts/fold-fact';
export { recordInFact, type FactRecord } from './facts/fact-record';
export { factSetOf, enrolmentKey, heldSessionsByRelationship, type FactSet } from './facts/fact-set';
export { programSummary, isCheckInOverdue, type ProgramSummary } from './program/program-summary';
export {
  programFunnel,
  funnelOfJourneys,
  journeyOf,
  relationshipProgressOf,
  type Journey,
  type RelationshipProgress,
  FUNNEL_STEPS,
  type ProgramFunnel,
  type FunnelStage,
  type FunnelStep,
} from './program/program-funnel';
export {
  programHealth,
  HEALTH_RULES,
  type ProgramHealth,
  type RelationshipAtRisk,
  type RiskReason,
} from './program/program-health';
export { FIZZLE_RULES, type FizzleDetail } from './program/relationship-fizzle';
export { achievements, COMPLETED_WELL_RATING, type Achievement } from './program/achievements';
export { MEASURES, AGGREGATION, CROSS_PROGRAM_MEASURES, type Measure } from './query/measures';
export { DIMENSIONS, PERSONAL_DIMENSIONS, type Dimension } from './query/dimensions';
export { TIME_GRAINS, periodOf, type TimeGrain } from './query/time-grain';
export { parseAnalyticsQuery, type AnalyticsQuery, type AnalyticsQueryInput } from './query/analytics-query';
export { runQuery, DEFAULT_K_ANONYMITY, type QueryResult, type QueryRow } from './query/run-query';
export {
  replayCompleteness,
  missingVersionsOf,
  type ReplayCompleteness,
  type ReplayedStream,
  type ReplayedPartition,
  type IncompleteStream,
} from './rebuild/replay-completeness';
export {
  SUMMARY_COUNTERS,
  summaryContributionOf,
  summaryDeltaOf,
  summaryFromRollup,
  matchedChange,
  isEmptyDelta,
  type SummaryCounter,
  type SummaryCounters,
  type SummaryDelta,
  type SummaryRollup,
} from './rollups/summary-rollup';
