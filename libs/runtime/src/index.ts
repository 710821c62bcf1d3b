export { loadServiceConfig, InvalidConfigError, type ServiceConfig } from './config/service-config';
export { HealthController } from './health/health.controller';
export { READINESS_CHECKS, runReadinessChecks, type ReadinessCheck, type ReadinessResult } from './health/readiness-check';
export { MongoConnection } from './mongo/mongo-connection';
export { ServiceRuntimeModule, SERVICE_CONFIG, InjectServiceConfig } from './service-runtime.module';
export { createServiceApp, runService, type ServiceDefinition } from './service-app';
