import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { claimEnvironment } from './test-issuer.test-kit';
import {
  generateSigningKey,
  payloadOf,
  signTestToken,
  type SigningKey,
  type TestTokenClaims,
  type TestTokenOptions,
} from './test-tokens.test-kit';

export interface JwksTestIssuer {
  /** AUTH_* variables: the JWKS URL on 127.0.0.1, issuer, audience, and no refetch cooldown. */
  readonly env: Record<string, string>;
  /** Signed with the current key (ES256), or with the published RS256 key for `alg: 'RS256'`. */
  token(claims: TestTokenClaims, options?: TestTokenOptions): Promise<string>;
  /** A new current key with a new kid; the old keys stay published unless `dropOld`. */
  rotate(options?: { dropOld?: boolean }): string;
  /** How many times the key set was fetched. */
  fetchCount(): number;
  /** Makes the JWKS endpoint answer 500 (true) or serve again (false). */
  failFetches(fail: boolean): void;
  close(): Promise<void>;
}

const jwkOf = (key: SigningKey) => ({
  ...key.publicKey.export({ format: 'jwk' }),
  kid: key.kid,
  alg: key.alg,
  use: 'sig',
});

/** A token issuer publishing its keys as a JWKS over HTTP on 127.0.0.1, as an OIDC provider does. */
export async function startJwksTestIssuer(
  options: { cooldownSeconds?: number } = {},
): Promise<JwksTestIssuer> {
  const defaults = { issuer: `https://jwks-issuer.test/${randomUUID()}`, audience: 'tandem-test' };
  const names = { tenantClaim: 'tenant_id', rolesClaim: 'roles', userClaim: 'sub' };
  const rsaKey = generateSigningKey('RS256');
  let current = generateSigningKey('ES256');
  let published: SigningKey[] = [current, rsaKey];
  let fetches = 0;
  let failing = false;
  const server = createServer((request, response) => {
    if (request.url !== '/.well-known/jwks.json') return void response.writeHead(404).end();
    fetches += 1;
    if (failing) return void response.writeHead(500).end();
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ keys: published.map(jwkOf) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    env: {
      AUTH_ISSUER: defaults.issuer,
      AUTH_AUDIENCE: defaults.audience,
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      AUTH_JWKS_COOLDOWN_SECONDS: String(options.cooldownSeconds ?? 0),
      ...claimEnvironment(names),
    },
    token: (claims, tokenOptions = {}) =>
      signTestToken(
        payloadOf(claims, names, tokenOptions.claims),
        tokenOptions.alg === 'RS256' ? rsaKey : current,
        defaults,
        tokenOptions,
      ),
    rotate: ({ dropOld = false } = {}) => {
      current = generateSigningKey('ES256');
      published = dropOld ? [current, rsaKey] : [current, ...published];
      return current.kid;
    },
    fetchCount: () => fetches,
    failFetches: (fail) => void (failing = fail),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // the verifier's fetch keeps connections alive
      }),
  };
}
