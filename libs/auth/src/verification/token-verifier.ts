import { createPublicKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { ACCEPTED_ALGORITHMS, type AuthConfig, type SigningKeySource } from '../config/auth-config';
import { InvalidClaimsError, principalFromClaims } from '../principal/claims';
import type { Principal } from '../principal/principal';
import {
  AuthenticationError,
  SigningKeysUnavailableError,
  type AuthFailureReason,
} from './authentication-error';

/** Verifies a bearer token and returns its principal; throws AuthenticationError or SigningKeysUnavailableError. */
export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

function keyResolver(source: SigningKeySource): KeyObject | JWTVerifyGetKey {
  switch (source.kind) {
    case 'public-key':
      return createPublicKey(source.pem);
    case 'jwks':
      // jose caches the set and refetches it when a token names a kid it does not hold (key
      // rotation), at most once per cooldown so unknown kids cannot make us hammer the provider.
      return unavailableOnFetchFailure(
        createRemoteJWKSet(new URL(source.url), {
          cooldownDuration: source.cooldownMs,
          timeoutDuration: 5000,
        }),
      );
    default: {
      const _exhaustive: never = source;
      throw new Error(`unknown key source ${JSON.stringify(_exhaustive)}`);
    }
  }
}

/** An unreachable or broken key set is the provider's problem, not the token's: 503, not 401. */
function unavailableOnFetchFailure(keySet: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await keySet(header, token);
    } catch (error) {
      const code = (error as { code?: string } | undefined)?.code;
      if (code === 'ERR_JWKS_NO_MATCHING_KEY' || code === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') throw error;
      throw new SigningKeysUnavailableError(error);
    }
  };
}

const claimFailures: Readonly<Record<string, AuthFailureReason>> = {
  iss: 'wrong issuer',
  aud: 'wrong audience',
  nbf: 'not yet valid',
  iat: 'issued in the future',
};

/** Maps jose's errors to what the caller may be told; anything about fetching keys is ours, not theirs. */
function failureOf(error: unknown): AuthenticationError | SigningKeysUnavailableError {
  if (error instanceof SigningKeysUnavailableError) return error;
  const { code, claim, reason } = (error ?? {}) as { code?: string; claim?: string; reason?: string };
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return new AuthenticationError('expired');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (reason === 'missing') return new AuthenticationError(`missing claim ${claim ?? 'unknown'}`);
      return new AuthenticationError(claimFailures[claim ?? ''] ?? `malformed claim ${claim ?? 'unknown'}`);
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return new AuthenticationError('algorithm not allowed');
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return new AuthenticationError('bad signature');
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return new AuthenticationError('unknown signing key');
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return new AuthenticationError('malformed');
    default:
      // e.g. an ES256 token against an RSA key: nothing we hold can verify it.
      return new AuthenticationError('bad signature');
  }
}

/** A fixed key verifies one algorithm; a key set may hold both kinds. */
function algorithmsFor(key: KeyObject | JWTVerifyGetKey): string[] {
  if (typeof key === 'function') return [...ACCEPTED_ALGORITHMS];
  return [key.asymmetricKeyType === 'rsa' ? 'RS256' : 'ES256'];
}

/**
 * jose checks `iat` only when given a maximum age, and never bounds `exp`: a token minted with a
 * clock set ahead, or for a year, would pass. Both are refused here, with the same leeway as `exp`.
 */
function checkTimes(claims: Record<string, unknown>, config: AuthConfig, nowSeconds: number): void {
  const { iat, exp } = claims as { iat?: number; exp: number };
  if (iat !== undefined && iat > nowSeconds + config.clockSkewSeconds) {
    throw new AuthenticationError('issued in the future');
  }
  if (exp - (iat ?? nowSeconds) > config.maxTokenLifetimeSeconds) {
    throw new AuthenticationError('lifetime too long');
  }
}

export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  const key = keyResolver(config.keys);
  const options = {
    issuer: config.issuer,
    audience: [...config.audience],
    algorithms: algorithmsFor(key),
    clockTolerance: config.clockSkewSeconds,
    requiredClaims: ['exp'],
  };
  return {
    async verify(token: string): Promise<Principal> {
      let claims: Record<string, unknown>;
      try {
        // Two calls so TypeScript picks the matching overload (a fixed key or a key resolver).
        ({ payload: claims } =
          typeof key === 'function'
            ? await jwtVerify(token, key, options)
            : await jwtVerify(token, key, options));
      } catch (error) {
        throw failureOf(error);
      }
      checkTimes(claims, config, Math.floor(Date.now() / 1000));
      try {
        return principalFromClaims(claims, config.claims);
      } catch (error) {
        if (error instanceof InvalidClaimsError) throw new AuthenticationError(error.reason);
        throw error;
      }
    },
  };
}
