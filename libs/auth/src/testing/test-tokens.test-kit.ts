import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';

/** Who a test token speaks for; `roles` may hold roles Tandem does not know (they are ignored). */
export interface TestTokenClaims {
  readonly tenant: string;
  readonly sub: string;
  readonly roles: readonly string[];
}

export type TestAlgorithm = 'ES256' | 'RS256' | 'ES384' | 'PS256';

export interface TestTokenOptions {
  /** Seconds from now; negative for a token that expired that long ago. Default 300. */
  readonly expiresIn?: number;
  readonly issuer?: string;
  readonly audience?: string | string[];
  /** Signs with the issuer's key for this algorithm (only ES256 and RS256 are accepted). */
  readonly alg?: TestAlgorithm;
  /** `iat` in seconds from now (default: a minute before now, or at expiry if sooner); null leaves it out. */
  readonly issuedAt?: number | null;
  /** Claims added to (or, with undefined, removed from) the payload. */
  readonly claims?: Readonly<Record<string, unknown>>;
}

/** The claim names a service reads (AUTH_TENANT_CLAIM, AUTH_ROLES_CLAIM, AUTH_USER_CLAIM). */
export interface TestClaimNames {
  readonly tenantClaim: string;
  readonly rolesClaim: string;
  readonly userClaim: string;
}

export interface SigningKey {
  readonly kid: string;
  readonly alg: TestAlgorithm;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

export function generateSigningKey(alg: TestAlgorithm): SigningKey {
  const pair =
    alg === 'ES256' || alg === 'ES384'
      ? generateKeyPairSync('ec', { namedCurve: alg === 'ES256' ? 'P-256' : 'P-384' })
      : generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: randomUUID(), alg, ...pair };
}

/** Puts `value` at a claim name or dot path (`realm_access.roles`), as a provider would. */
function setClaim(payload: Record<string, unknown>, name: string, value: unknown): void {
  const segments = name.startsWith('http') ? [name] : name.split('.');
  let target = payload;
  for (const segment of segments.slice(0, -1)) {
    target[segment] ??= {};
    target = target[segment] as Record<string, unknown>;
  }
  target[segments[segments.length - 1] as string] = value;
}

export function payloadOf(
  claims: TestTokenClaims,
  names: TestClaimNames,
  extra: Readonly<Record<string, unknown>> = {},
): JWTPayload {
  const payload: Record<string, unknown> = {};
  setClaim(payload, names.userClaim, claims.sub);
  setClaim(payload, names.tenantClaim, claims.tenant);
  setClaim(payload, names.rolesClaim, [...claims.roles]);
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete payload[name];
    else payload[name] = value;
  }
  return payload;
}

export interface TokenDefaults {
  readonly issuer: string;
  readonly audience: string;
}

export async function signTestToken(
  payload: JWTPayload,
  key: SigningKey,
  defaults: TokenDefaults,
  options: TestTokenOptions = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const expiresIn = options.expiresIn ?? 300;
  const token = new SignJWT(payload)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT' })
    .setIssuer(options.issuer ?? defaults.issuer)
    .setAudience(options.audience ?? defaults.audience)
    .setExpirationTime(now + expiresIn);
  if (options.issuedAt === null) return token.sign(key.privateKey);
  const issuedAt = options.issuedAt === undefined ? Math.min(0, expiresIn - 60) : options.issuedAt;
  return token.setIssuedAt(now + issuedAt).sign(key.privateKey);
}

export function unsignedTestToken(
  payload: JWTPayload,
  defaults: TokenDefaults,
  options: TestTokenOptions = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  return new UnsecuredJWT(payload)
    .setIssuer(options.issuer ?? defaults.issuer)
    .setAudience(options.audience ?? defaults.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 300))
    .encode();
}

/** HS256 keyed with the issuer's public key PEM: the classic algorithm-confusion forgery. */
export async function hmacTestToken(
  payload: JWTPayload,
  secret: string,
  kid: string,
  defaults: TokenDefaults,
  options: TestTokenOptions = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', kid, typ: 'JWT' })
    .setIssuer(options.issuer ?? defaults.issuer)
    .setAudience(options.audience ?? defaults.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresIn ?? 300))
    .sign(new TextEncoder().encode(secret));
}
