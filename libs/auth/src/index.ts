export { ROLES, isRole, type Role, type Principal } from './principal/principal';
export {
  principalFromClaims,
  readClaim,
  InvalidClaimsError,
  DEFAULT_CLAIM_MAPPING,
  type ClaimMapping,
} from './principal/claims';
export { ACCEPTED_ALGORITHMS, type AuthConfig, type SigningKeySource } from './config/auth-config';
export { readAuthConfig, type AuthConfigResult } from './config/read-auth-config';
export { createTokenVerifier, type TokenVerifier } from './verification/token-verifier';
export {
  AuthenticationError,
  SigningKeysUnavailableError,
  type AuthFailureReason,
} from './verification/authentication-error';
export { bearerTokenOf } from './verification/bearer-token';
export {
  hasAnyRole,
  isPlatformAdmin,
  isPlatformOperator,
  canManageProgram,
  isParticipantOf,
  canViewRelationship,
  canReadAnalytics,
  ANALYTICS_READERS,
  PROGRAM_MEMBERS,
  mayReadPersonalData,
} from './authorization/policies';
export { assertMayReadPersonalData } from './nest/personal-data-access';
export {
  TenantScopedCollection,
  tenantScoped,
  MissingTenantError,
  TenantChangeError,
  type TenantOwned,
  type TenantFreeDocument,
} from './tenancy/tenant-scoped-collection';
export { queryOperator, assertSafeFilter, UnsafeFilterError } from './tenancy/query-operators';
export { lookupInTenant, type TenantLookup } from './tenancy/lookup-in-tenant';
export { readModelPage } from './tenancy/read-model-page';
export {
  parseBody,
  parseQuery,
  invalidRequest,
  type InvalidRequestBody,
  type RequestPart,
} from './validation/parse-request';
export { fieldProblemsOf, type FieldProblem } from './validation/request-fields';
export { assertStrictSchema, LooseSchemaError } from './validation/strict-schema';
export { ValidatedBody, ValidatedQuery, ZodValidationPipe } from './validation/validated.decorators';
export {
  Responds,
  RespondsWithoutBody,
  RESPONSE_DOCUMENT,
  type ResponseDocument,
  type RespondsOptions,
} from './validation/responds.decorator';
export { jsonSchemaOf } from './validation/request-openapi';
export {
  pageQuery,
  pageOf,
  paginate,
  encodeCursor,
  decodeCursor,
  compareKeys,
  type Page,
  type PageKey,
} from './validation/pagination';
export { Public, Roles, CurrentPrincipal, PUBLIC_ROUTE, REQUIRED_ROLES } from './nest/access.decorators';
export { AccessGuard } from './nest/access.guard';
export { AuthModule } from './nest/auth.module';
export { TOKEN_VERIFIER, type AccessOptions } from './nest/access-options';
export { type RateLimits } from './nest/rate-limits';
