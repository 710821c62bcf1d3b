import { readAuthConfig } from '../config/read-auth-config';
import { startJwksTestIssuer, type JwksTestIssuer } from '../testing/jwks-test-issuer.test-kit';
import { AuthenticationError, SigningKeysUnavailableError } from './authentication-error';
import { createTokenVerifier, type TokenVerifier } from './token-verifier';

const claims = { tenant: 'acme', sub: 'u-1', roles: ['participant'] };

function verifierFor(issuer: JwksTestIssuer): TokenVerifier {
  const result = readAuthConfig(issuer.env);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return createTokenVerifier(result.config);
}

async function failureOf(verifier: TokenVerifier, token: string): Promise<Error> {
  try {
    await verifier.verify(token);
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the token to be refused');
}

// Keys from an OIDC provider's JWKS URL, served here on 127.0.0.1.
describe('createTokenVerifier with a JWKS URL', () => {
  const issuers: JwksTestIssuer[] = [];
  const start = async (options?: { cooldownSeconds?: number }) => {
    const issuer = await startJwksTestIssuer(options);
    issuers.push(issuer);
    return issuer;
  };

  afterAll(() => Promise.all(issuers.map((issuer) => issuer.close())));

  it('fetches the key set once and verifies ES256 and RS256 tokens from the cache', async () => {
    const issuer = await start();
    const verifier = verifierFor(issuer);
    for (let i = 0; i < 5; i++)
      await expect(verifier.verify(await issuer.token(claims))).resolves.toMatchObject({ userId: 'u-1' });
    await expect(verifier.verify(await issuer.token(claims, { alg: 'RS256' }))).resolves.toMatchObject({
      tenantId: 'acme',
    });
    expect(issuer.fetchCount()).toBe(1);
  });

  it('refetches the key set when a token names an unknown kid (rotation)', async () => {
    const issuer = await start();
    const verifier = verifierFor(issuer);
    await verifier.verify(await issuer.token(claims));
    issuer.rotate({ dropOld: true });
    await expect(verifier.verify(await issuer.token(claims))).resolves.toMatchObject({ userId: 'u-1' });
    expect(issuer.fetchCount()).toBe(2);
    await verifier.verify(await issuer.token(claims));
    expect(issuer.fetchCount()).toBe(2);
  });

  it('refetches at most once per cooldown, so unknown kids cannot flood the provider', async () => {
    const issuer = await start({ cooldownSeconds: 60 });
    const verifier = verifierFor(issuer);
    await verifier.verify(await issuer.token(claims));
    issuer.rotate();
    const failure = await failureOf(verifier, await issuer.token(claims));
    expect(failure).toBeInstanceOf(AuthenticationError);
    expect(failure.message).toBe('invalid token: unknown signing key');
    expect(issuer.fetchCount()).toBe(1);
  });

  it('says the keys are unavailable (not that the token is bad) when the JWKS URL fails', async () => {
    const issuer = await start();
    issuer.failFetches(true);
    const failure = await failureOf(verifierFor(issuer), await issuer.token(claims));
    expect(failure).toBeInstanceOf(SigningKeysUnavailableError);
    expect(issuer.fetchCount()).toBe(1);
  });

  it('refuses a token signed with a key that left the set', async () => {
    const issuer = await start();
    const verifier = verifierFor(issuer);
    const oldToken = await issuer.token(claims);
    issuer.rotate({ dropOld: true });
    await verifier.verify(await issuer.token(claims));
    expect((await failureOf(verifier, oldToken)).message).toBe('invalid token: unknown signing key');
  });
});
