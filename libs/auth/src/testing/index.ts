// Test kit of @tandem/auth: importable from *.spec.ts and *.test-kit.ts only (eslint.config.mjs).
export { createTestIssuer, type TestIssuer, type TestIssuerOptions } from './test-issuer.test-kit';
export { startJwksTestIssuer, type JwksTestIssuer } from './jwks-test-issuer.test-kit';
export type { TestTokenClaims, TestTokenOptions, TestAlgorithm } from './test-tokens.test-kit';
