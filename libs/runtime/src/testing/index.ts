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
  describeOpenApiDocument,
  undescribedResponses,
  operationsWithRequestInput,
  undescribedRequestParts,
} from './openapi-document.test-kit';
export { OpenApiContract } from './openapi-contract.test-kit';
export { describeApiFuzz } from './api-fuzz.test-kit';
