import { readAuthConfig } from '../config/read-auth-config';
import { createTestIssuer } from '../testing/test-issuer.test-kit';
import { AuthenticationError } from './authentication-error';
import { createTokenVerifier } from './token-verifier';

const issuer = createTestIssuer();
const config = (env: Record<string, string>) => {
  const result = readAuthConfig(env);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config;
};
const verifier = createTokenVerifier(config(issuer.env));
const claims = { tenant: 'acme', sub: 'u-123', roles: ['program-admin', 'participant'] };

async function reasonOf(token: string | Promise<string>): Promise<string> {
  try {
    await verifier.verify(await token);
  } catch (error) {
    if (error instanceof AuthenticationError) return error.message;
    throw error;
  }
  throw new Error('expected the token to be refused');
}

describe('createTokenVerifier with a configured public key', () => {
  it('returns the principal of a valid token', async () => {
    expect(await verifier.verify(await issuer.token(claims))).toEqual({
      userId: 'u-123',
      tenantId: 'acme',
      roles: ['program-admin', 'participant'],
    });
  });

  it('tolerates a small clock skew on expiry but not more', async () => {
    await expect(verifier.verify(await issuer.token(claims, { expiresIn: -10 }))).resolves.toMatchObject({
      userId: 'u-123',
    });
    expect(await reasonOf(issuer.token(claims, { expiresIn: -60 }))).toBe('invalid token: expired');
  });

  it('refuses a wrong issuer, a wrong audience, a foreign key, alg none and HMAC keyed with the public key', async () => {
    expect(await reasonOf(issuer.token(claims, { issuer: 'https://evil.example/' }))).toBe(
      'invalid token: wrong issuer',
    );
    expect(await reasonOf(issuer.token(claims, { audience: 'another-api' }))).toBe(
      'invalid token: wrong audience',
    );
    expect(await reasonOf(issuer.foreignKeyToken(claims))).toBe('invalid token: bad signature');
    expect(await reasonOf(issuer.noneAlgToken(claims))).toBe('invalid token: algorithm not allowed');
    expect(await reasonOf(issuer.hmacWithPublicKeyToken(claims))).toBe(
      'invalid token: algorithm not allowed',
    );
  });

  it('accepts RS256 and ES256 only', async () => {
    expect(await reasonOf(issuer.token(claims, { alg: 'PS256' }))).toBe(
      'invalid token: algorithm not allowed',
    );
    expect(await reasonOf(issuer.token(claims, { alg: 'ES384' }))).toBe(
      'invalid token: algorithm not allowed',
    );
    // RS256 is accepted from a key set; a configured EC key verifies ES256 only.
    expect(await reasonOf(issuer.token(claims, { alg: 'RS256' }))).toBe(
      'invalid token: algorithm not allowed',
    );
  });

  it('requires exp, the tenant and the user, and refuses garbage', async () => {
    expect(await reasonOf(issuer.token(claims, { claims: { tenant_id: undefined } }))).toBe(
      'invalid token: missing claim tenant_id',
    );
    expect(await reasonOf(issuer.token(claims, { claims: { sub: undefined } }))).toBe(
      'invalid token: missing claim sub',
    );
    expect(await reasonOf(issuer.token(claims, { claims: { tenant_id: { $ne: null } } }))).toBe(
      'invalid token: malformed claim tenant_id',
    );
    expect(await reasonOf('not.a.token')).toBe('invalid token: malformed');
    expect(
      await reasonOf(issuer.token(claims, { claims: { nbf: Math.floor(Date.now() / 1000) + 3600 } })),
    ).toBe('invalid token: not yet valid');
  });

  it('refuses a token issued in the future beyond the clock skew', async () => {
    await expect(verifier.verify(await issuer.token(claims, { issuedAt: 20 }))).resolves.toMatchObject({
      userId: 'u-123',
    });
    expect(await reasonOf(issuer.token(claims, { issuedAt: 120 }))).toBe(
      'invalid token: issued in the future',
    );
  });

  it('refuses a lifetime above AUTH_MAX_TOKEN_LIFETIME_SECONDS, measured from iat or else from now', async () => {
    const day = 24 * 3600;
    await expect(
      verifier.verify(await issuer.token(claims, { issuedAt: -3600, expiresIn: day - 3600 })),
    ).resolves.toMatchObject({ userId: 'u-123' });
    expect(await reasonOf(issuer.token(claims, { issuedAt: -3600, expiresIn: day }))).toBe(
      'invalid token: lifetime too long',
    );
    expect(await reasonOf(issuer.token(claims, { issuedAt: null, expiresIn: day + 60 }))).toBe(
      'invalid token: lifetime too long',
    );
    await expect(
      verifier.verify(await issuer.token(claims, { issuedAt: null, expiresIn: day - 60 })),
    ).resolves.toMatchObject({ userId: 'u-123' });
    const hourly = createTokenVerifier(config({ ...issuer.env, AUTH_MAX_TOKEN_LIFETIME_SECONDS: '3600' }));
    await expect(hourly.verify(await issuer.token(claims, { expiresIn: 3600 }))).resolves.toMatchObject({
      userId: 'u-123',
    });
    await expect(hourly.verify(await issuer.token(claims, { expiresIn: 7200 }))).rejects.toThrow(
      'invalid token: lifetime too long',
    );
  });

  it('reads claims where the provider puts them', async () => {
    const keycloak = createTestIssuer({ tenantClaim: 'tenant', rolesClaim: 'realm_access.roles' });
    const principal = await createTokenVerifier(config(keycloak.env)).verify(
      await keycloak.token({ tenant: 'globex', sub: 'u-1', roles: ['analyst', 'uma_authorization'] }),
    );
    expect(principal).toEqual({ userId: 'u-1', tenantId: 'globex', roles: ['analyst'] });
  });

  it('never puts key material in its messages', async () => {
    const message = await reasonOf(issuer.hmacWithPublicKeyToken(claims));
    expect(message).not.toContain('BEGIN');
    expect(message.length).toBeLessThan(60);
  });
});
