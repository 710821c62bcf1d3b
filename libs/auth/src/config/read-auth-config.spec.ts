import { generateKeyPairSync } from 'node:crypto';
import { readAuthConfig } from './read-auth-config';

const ecPem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  .publicKey.export({ type: 'spki', format: 'pem' })
  .toString();
const base = { AUTH_ISSUER: 'https://login.example.com/', AUTH_AUDIENCE: 'tandem' };

const problemsOf = (env: Record<string, string | undefined>, readFile?: (path: string) => string) => {
  const result = readAuthConfig(env, readFile);
  if (result.ok) throw new Error('expected the configuration to be refused');
  return result.problems;
};

describe('readAuthConfig', () => {
  it('reads a public key configuration with the defaults', () => {
    expect(readAuthConfig({ ...base, AUTH_PUBLIC_KEY: ecPem })).toEqual({
      ok: true,
      config: {
        issuer: 'https://login.example.com/',
        audience: ['tandem'],
        keys: { kind: 'public-key', pem: ecPem },
        claims: { userClaim: 'sub', tenantClaim: 'tenant_id', rolesClaim: 'roles' },
        clockSkewSeconds: 30,
        maxTokenLifetimeSeconds: 86_400,
      },
    });
  });

  it('reads the maximum token lifetime and refuses one below a minute or above 30 days', () => {
    expect(
      readAuthConfig({ ...base, AUTH_PUBLIC_KEY: ecPem, AUTH_MAX_TOKEN_LIFETIME_SECONDS: '3600' }),
    ).toMatchObject({ ok: true, config: { maxTokenLifetimeSeconds: 3600 } });
    expect(problemsOf({ ...base, AUTH_PUBLIC_KEY: ecPem, AUTH_MAX_TOKEN_LIFETIME_SECONDS: '30' })).toEqual([
      'AUTH_MAX_TOKEN_LIFETIME_SECONDS must be at least 60 seconds',
    ]);
    expect(
      problemsOf({ ...base, AUTH_PUBLIC_KEY: ecPem, AUTH_MAX_TOKEN_LIFETIME_SECONDS: '2592001' }),
    ).toHaveLength(1);
  });

  it('reads a JWKS configuration, claim names, audiences and the clock skew', () => {
    const result = readAuthConfig({
      ...base,
      AUTH_AUDIENCE: 'api://tandem, tandem',
      AUTH_JWKS_URL: 'https://login.example.com/keys',
      AUTH_TENANT_CLAIM: 'tid',
      AUTH_ROLES_CLAIM: 'realm_access.roles',
      AUTH_USER_CLAIM: 'oid',
      AUTH_CLOCK_SKEW_SECONDS: '5',
    });
    expect(result).toMatchObject({
      ok: true,
      config: {
        audience: ['api://tandem', 'tandem'],
        keys: { kind: 'jwks', url: 'https://login.example.com/keys', cooldownMs: 30_000 },
        claims: { userClaim: 'oid', tenantClaim: 'tid', rolesClaim: 'realm_access.roles' },
        clockSkewSeconds: 5,
      },
    });
  });

  it('reads the key from a file, and a one-line PEM with literal \\n', () => {
    const fromFile = readAuthConfig({ ...base, AUTH_PUBLIC_KEY_FILE: '/keys/issuer.pem' }, (path) =>
      path === '/keys/issuer.pem' ? ecPem : '',
    );
    expect(fromFile).toMatchObject({ ok: true, config: { keys: { kind: 'public-key', pem: ecPem } } });
    expect(readAuthConfig({ ...base, AUTH_PUBLIC_KEY: ecPem.replaceAll('\n', '\\n') }).ok).toBe(true);
  });

  it('fails closed naming every missing variable', () => {
    expect(problemsOf({})).toEqual([
      'AUTH_ISSUER is required',
      'AUTH_AUDIENCE is required',
      'AUTH_JWKS_URL or AUTH_PUBLIC_KEY (or AUTH_PUBLIC_KEY_FILE) is required',
    ]);
  });

  it('refuses two key sources, plain-http JWKS off this machine, and unusable keys', () => {
    expect(problemsOf({ ...base, AUTH_PUBLIC_KEY: ecPem, AUTH_JWKS_URL: 'https://x/keys' })).toEqual([
      'AUTH_JWKS_URL and AUTH_PUBLIC_KEY are exclusive: give one',
    ]);
    expect(problemsOf({ ...base, AUTH_JWKS_URL: 'http://idp.internal/keys' })).toEqual([
      'AUTH_JWKS_URL must be an https:// URL (http:// only on 127.0.0.1 or localhost)',
    ]);
    expect(readAuthConfig({ ...base, AUTH_JWKS_URL: 'http://127.0.0.1:8080/keys' }).ok).toBe(true);
    expect(problemsOf({ ...base, AUTH_PUBLIC_KEY: 'not a key' })).toEqual([
      'AUTH_PUBLIC_KEY must be a PEM public key (-----BEGIN PUBLIC KEY-----)',
    ]);
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    expect(problemsOf({ ...base, AUTH_PUBLIC_KEY: p384 })).toEqual([
      'AUTH_PUBLIC_KEY must be an RSA (2048 bits or more) or EC P-256 public key',
    ]);
    const missingFile = () => {
      throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    };
    expect(problemsOf({ ...base, AUTH_PUBLIC_KEY_FILE: '/nope.pem' }, missingFile)).toEqual([
      'AUTH_PUBLIC_KEY_FILE cannot be read (ENOENT)',
    ]);
  });

  it('names malformed numbers and claim names', () => {
    expect(
      problemsOf({
        ...base,
        AUTH_PUBLIC_KEY: ecPem,
        AUTH_CLOCK_SKEW_SECONDS: 'soon',
        AUTH_ROLES_CLAIM: 'my roles',
      }),
    ).toEqual([
      'AUTH_ROLES_CLAIM must be a claim name or dot path without spaces',
      'AUTH_CLOCK_SKEW_SECONDS must be a whole number of seconds',
    ]);
  });
});
