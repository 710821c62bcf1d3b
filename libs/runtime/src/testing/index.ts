// Test kit of @tandem/runtime: importable from *.spec.ts and *.test-kit.ts only (eslint.config.mjs).
export {
  startServiceApi,
  createApiClient,
  testEnvelope,
  type ServiceApi,
  type ServiceApiOptions,
  type ApiClient,
  type ApiResponse,
} from './service-api.test-kit';
export { fuzzWriteRoutes, type FuzzWriteRoutes } from './fuzz-write-routes.test-kit';
export { freezeNext } from './freeze-next.test-kit';
export {
  describeRequestSchemas,
  operationsWithRequestInput,
  undescribedRequestParts,
} from './request-schemas.test-kit';
