import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_MAX_TOKEN_LIFETIME_SECONDS, type AuthConfig, type SigningKeySource } from './auth-config';

export type AuthConfigResult =
  | { readonly ok: true; readonly config: AuthConfig }
  | { readonly ok: false; readonly problems: readonly string[] };

const required = (iss: { input: unknown }) => (iss.input === undefined ? 'is required' : 'must be a string');
const claimName = z.string().regex(/^[^\s]{1,200}$/, 'must be a claim name or dot path without spaces');
const seconds = (max: number) =>
  z.coerce
    .number({ error: 'must be a whole number of seconds' })
    .int('must be a whole number of seconds')
    .min(0)
    .max(max);

const authEnvironment = z.object({
  AUTH_ISSUER: z.string({ error: required }).min(1, 'is required'),
  AUTH_AUDIENCE: z
    .string({ error: required })
    .transform((value) =>
      value
        .split(',')
        .map((audience) => audience.trim())
        .filter(Boolean),
    )
    .refine((audiences) => audiences.length > 0, 'is required (one audience or a comma-separated list)'),
  AUTH_JWKS_URL: z.string().min(1).optional(),
  AUTH_PUBLIC_KEY: z.string().min(1).optional(),
  AUTH_PUBLIC_KEY_FILE: z.string().min(1).optional(),
  AUTH_TENANT_CLAIM: claimName.default('tenant_id'),
  AUTH_ROLES_CLAIM: claimName.default('roles'),
  AUTH_USER_CLAIM: claimName.default('sub'),
  AUTH_OPERATOR_TENANT: z.string().min(1).optional(),
  AUTH_CLOCK_SKEW_SECONDS: seconds(300).default(30),
  AUTH_JWKS_COOLDOWN_SECONDS: seconds(3600).default(30),
  // At least a minute, at most 30 days.
  AUTH_MAX_TOKEN_LIFETIME_SECONDS: seconds(30 * 24 * 3600)
    .min(60, 'must be at least 60 seconds')
    .default(DEFAULT_MAX_TOKEN_LIFETIME_SECONDS),
});

type AuthEnvironment = z.output<typeof authEnvironment>;

const isLoopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

function jwksUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'AUTH_JWKS_URL must be a URL, e.g. https://login.example.com/.well-known/jwks.json';
  }
  // Keys fetched in clear text could be swapped on the way; plain http only on this machine.
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url))) return undefined;
  return 'AUTH_JWKS_URL must be an https:// URL (http:// only on 127.0.0.1 or localhost)';
}

/** RS256 needs an RSA key of 2048 bits or more, ES256 a P-256 key; anything else cannot verify a token we accept. */
function publicKeyProblem(variable: string, pem: string): string | undefined {
  try {
    const key = createPublicKey(pem);
    const { namedCurve, modulusLength } = key.asymmetricKeyDetails ?? {};
    if (key.asymmetricKeyType === 'rsa' && (modulusLength ?? 0) >= 2048) return undefined;
    if (key.asymmetricKeyType === 'ec' && namedCurve === 'prime256v1') return undefined;
    return `${variable} must be an RSA (2048 bits or more) or EC P-256 public key`;
  } catch {
    return `${variable} must be a PEM public key (-----BEGIN PUBLIC KEY-----)`;
  }
}

type KeySourceResult = { readonly source: SigningKeySource } | { readonly problem: string };

/** Exactly one key source must be configured. */
function keyChoiceProblem(env: Readonly<Record<string, unknown>>): string | undefined {
  const given = (['AUTH_JWKS_URL', 'AUTH_PUBLIC_KEY', 'AUTH_PUBLIC_KEY_FILE'] as const).filter(
    (name) => env[name],
  );
  if (given.length === 0) return 'AUTH_JWKS_URL or AUTH_PUBLIC_KEY (or AUTH_PUBLIC_KEY_FILE) is required';
  if (given.length > 1) return `${given.join(' and ')} are exclusive: give one`;
  return undefined;
}

function keySource(values: AuthEnvironment, readFile: (path: string) => string): KeySourceResult {
  const choiceProblem = keyChoiceProblem(values);
  if (choiceProblem) return { problem: choiceProblem };
  if (values.AUTH_JWKS_URL) {
    const problem = jwksUrlProblem(values.AUTH_JWKS_URL);
    return problem
      ? { problem }
      : {
          source: {
            kind: 'jwks',
            url: values.AUTH_JWKS_URL,
            cooldownMs: values.AUTH_JWKS_COOLDOWN_SECONDS * 1000,
          },
        };
  }
  const variable = values.AUTH_PUBLIC_KEY ? 'AUTH_PUBLIC_KEY' : 'AUTH_PUBLIC_KEY_FILE';
  let pem: string;
  try {
    // Env files often carry a PEM on one line with literal "\n".
    pem = values.AUTH_PUBLIC_KEY?.replaceAll('\\n', '\n') ?? readFile(values.AUTH_PUBLIC_KEY_FILE as string);
  } catch (error) {
    return {
      problem: `AUTH_PUBLIC_KEY_FILE cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    };
  }
  const problem = publicKeyProblem(variable, pem);
  return problem ? { problem } : { source: { kind: 'public-key', pem } };
}

/** Reads and checks the AUTH_* variables; every problem names its variable. */
export function readAuthConfig(
  env: Readonly<Record<string, string | undefined>>,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): AuthConfigResult {
  const parsed = authEnvironment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    const choiceProblem = keyChoiceProblem(env);
    return { ok: false, problems: choiceProblem ? [...problems, choiceProblem] : problems };
  }
  const values = parsed.data;
  const keys = keySource(values, readFile);
  if ('problem' in keys) return { ok: false, problems: [keys.problem] };
  return {
    ok: true,
    config: {
      issuer: values.AUTH_ISSUER,
      audience: values.AUTH_AUDIENCE,
      keys: keys.source,
      claims: {
        userClaim: values.AUTH_USER_CLAIM,
        tenantClaim: values.AUTH_TENANT_CLAIM,
        rolesClaim: values.AUTH_ROLES_CLAIM,
        ...(values.AUTH_OPERATOR_TENANT ? { operatorTenant: values.AUTH_OPERATOR_TENANT } : {}),
      },
      clockSkewSeconds: values.AUTH_CLOCK_SKEW_SECONDS,
      maxTokenLifetimeSeconds: values.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
    },
  };
}
