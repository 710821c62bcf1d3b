import { randomUUID } from 'node:crypto';
import {
  generateSigningKey,
  hmacTestToken,
  payloadOf,
  signTestToken,
  unsignedTestToken,
  type SigningKey,
  type TestAlgorithm,
  type TestClaimNames,
  type TestTokenClaims,
  type TestTokenOptions,
} from './test-tokens.test-kit';

export interface TestIssuer {
  /** AUTH_* variables for loadServiceConfig: this issuer's public key (PEM), issuer and audience. */
  readonly env: Record<string, string>;
  readonly issuer: string;
  readonly audience: string;
  /** A token the service accepts (unless options make it expired, foreign to it, ...). */
  token(claims: TestTokenClaims, options?: TestTokenOptions): Promise<string>;
  /** Same claims, signed by a key the service does not know (same kid). */
  foreignKeyToken(claims: TestTokenClaims, options?: TestTokenOptions): Promise<string>;
  /** Same claims, `alg: none`, no signature. */
  noneAlgToken(claims: TestTokenClaims, options?: TestTokenOptions): Promise<string>;
  /** Same claims, HS256 with the issuer's public key PEM as the HMAC secret. */
  hmacWithPublicKeyToken(claims: TestTokenClaims, options?: TestTokenOptions): Promise<string>;
}

export interface TestIssuerOptions extends Partial<TestClaimNames> {
  readonly audience?: string;
}

const defaultNames: TestClaimNames = { tenantClaim: 'tenant_id', rolesClaim: 'roles', userClaim: 'sub' };

/** Claim-name variables, only for names that differ from the service defaults. */
export function claimEnvironment(names: TestClaimNames): Record<string, string> {
  return {
    ...(names.tenantClaim !== defaultNames.tenantClaim ? { AUTH_TENANT_CLAIM: names.tenantClaim } : {}),
    ...(names.rolesClaim !== defaultNames.rolesClaim ? { AUTH_ROLES_CLAIM: names.rolesClaim } : {}),
    ...(names.userClaim !== defaultNames.userClaim ? { AUTH_USER_CLAIM: names.userClaim } : {}),
  };
}

/** An in-memory token issuer with one ES256 key, configured into a service through `env`. */
export function createTestIssuer(options: TestIssuerOptions = {}): TestIssuer {
  const names: TestClaimNames = { ...defaultNames, ...options };
  const defaults = {
    issuer: `https://issuer.test/${randomUUID()}`,
    audience: options.audience ?? 'tandem-test',
  };
  const keys = new Map<TestAlgorithm, SigningKey>([['ES256', generateSigningKey('ES256')]]);
  const keyFor = (alg: TestAlgorithm): SigningKey => {
    const key = keys.get(alg) ?? generateSigningKey(alg);
    keys.set(alg, key);
    return key;
  };
  const primary = keyFor('ES256');
  const publicPem = primary.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const payload = (claims: TestTokenClaims, extra?: TestTokenOptions['claims']) =>
    payloadOf(claims, names, extra);
  return {
    env: {
      AUTH_ISSUER: defaults.issuer,
      AUTH_AUDIENCE: defaults.audience,
      AUTH_PUBLIC_KEY: publicPem,
      ...claimEnvironment(names),
    },
    ...defaults,
    token: (claims, tokenOptions = {}) =>
      signTestToken(
        payload(claims, tokenOptions.claims),
        keyFor(tokenOptions.alg ?? 'ES256'),
        defaults,
        tokenOptions,
      ),
    foreignKeyToken: (claims, tokenOptions = {}) =>
      signTestToken(
        payload(claims, tokenOptions.claims),
        { ...generateSigningKey('ES256'), kid: primary.kid },
        defaults,
        tokenOptions,
      ),
    noneAlgToken: async (claims, tokenOptions = {}) =>
      unsignedTestToken(payload(claims, tokenOptions.claims), defaults, tokenOptions),
    hmacWithPublicKeyToken: (claims, tokenOptions = {}) =>
      hmacTestToken(payload(claims, tokenOptions.claims), publicPem, primary.kid, defaults, tokenOptions),
  };
}
