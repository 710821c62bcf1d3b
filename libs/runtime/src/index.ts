export {
  loadServiceConfig,
  InvalidConfigError,
  type ServiceConfig,
  type HttpLimits,
  PERSONAL_DATA_SOURCES,
  type PersonalDataSource,
} from './config/service-config';
export { HealthController } from './health/health.controller';
export {
  READINESS_CHECKS,
  runReadinessChecks,
  type ReadinessCheck,
  type ReadinessResult,
} from './health/readiness-check';
export { MongoConnection } from './mongo/mongo-connection';
export { createIndexes, type IndexPlan } from './mongo/read-model-indexes';
export { ServiceRuntimeModule, SERVICE_CONFIG, InjectServiceConfig } from './service-runtime.module';
export { createServiceApp, runService } from './service-app';
export type { ServiceDefinition } from './service-definition';
export { EventBackbone } from './events/event-backbone';
export { PeriodicTask } from './jobs/periodic-task';
export type { EventSubscriber, EventSubscription } from './events/event-subscription';
export { expectedVersionOf } from './http/if-match';
export { PeopleDirectoryClient, type PersonName } from './people/people-directory-client';
export { includePeopleField, peopleNamesSchema, personNameSchema } from './people/people-names-schema';
export { ForwardedAuthorization } from './people/forwarded-authorization';
export { getWithCallerToken } from './people/caller-token-get';
export { problemOf, type ProblemAnswer, type ProblemDetails } from './http/problem-details';
export { IdempotencyRecords, ERASED_OUTCOME } from './idempotency/idempotency-records';
export {
  ErasureReport,
  erasureStream,
  type ErasureOf,
  type PersonErasedType,
} from './erasure/erasure-report';
