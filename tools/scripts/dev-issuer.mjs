// The development token issuer: one ES256 key pair under <data dir>/dev-issuer/, made on first use.
// `npm start` points the services at it only when no AUTH_* is configured; `npm run token` signs
// with it. Nothing trusts it unless told to.
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const devIssuer = {
  issuer: 'tandem-dev',
  audience: 'tandem',
  tenantClaim: 'tenant_id',
  rolesClaim: 'roles',
};

export function devIssuerDir() {
  return path.join(path.resolve(workspaceRoot, process.env.TANDEM_DATA_DIR ?? '.data'), 'dev-issuer');
}

/** The key pair, generated once; concurrent first runs agree on one (the link is atomic). */
export function devKeyPair() {
  const dir = devIssuerDir();
  const privatePath = path.join(dir, 'private.pem');
  const publicPath = path.join(dir, 'public.pem');
  if (!existsSync(privatePath)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const draft = `${privatePath}.${process.pid}`;
    writeFileSync(draft, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    try {
      linkSync(draft, privatePath);
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    } finally {
      rmSync(draft, { force: true });
    }
  }
  const privateKey = createPrivateKey(readFileSync(privatePath));
  const publicPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' });
  if (!existsSync(publicPath) || readFileSync(publicPath, 'utf8') !== publicPem)
    writeFileSync(publicPath, publicPem);
  return { privateKey, publicPath };
}

/** AUTH_* for services that should accept the development issuer's tokens. */
export function devAuthEnvironment() {
  return {
    AUTH_ISSUER: devIssuer.issuer,
    AUTH_AUDIENCE: devIssuer.audience,
    AUTH_PUBLIC_KEY_FILE: devKeyPair().publicPath,
  };
}

/** A token of the development issuer, as `npm run token` prints it. */
export async function signDevToken({ tenant, sub, roles, ttlSeconds = 3600 }) {
  const { SignJWT } = await import('jose');
  const { privateKey } = devKeyPair();
  return new SignJWT({ [devIssuer.tenantClaim]: tenant, [devIssuer.rolesClaim]: roles })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(devIssuer.issuer)
    .setAudience(devIssuer.audience)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(privateKey);
}
