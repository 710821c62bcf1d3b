import type { ClaimMapping } from '../principal/claims';

/** Where the token signing keys come from. */
export type SigningKeySource =
  /** An OIDC provider's key set; refetched when a token names an unknown `kid`, at most once per cooldown. */
  | { readonly kind: 'jwks'; readonly url: string; readonly cooldownMs: number }
  /** One fixed public key (PEM, SPKI): the development issuer, or a provider without JWKS. */
  | { readonly kind: 'public-key'; readonly pem: string };

/** How a service verifies bearer tokens and reads the principal from them. */
export interface AuthConfig {
  readonly issuer: string;
  /** The token's `aud` must name one of these. */
  readonly audience: readonly string[];
  readonly keys: SigningKeySource;
  readonly claims: ClaimMapping;
  /** Leeway for `exp`, `nbf` and an `iat` in the future, for clocks that disagree a little. */
  readonly clockSkewSeconds: number;
  /** Longest accepted token lifetime (`exp - iat`, or `exp - now` without `iat`): a leaked long-lived token is refused. */
  readonly maxTokenLifetimeSeconds: number;
}

/** 24 hours: access tokens of common providers live minutes to hours. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

/** Only asymmetric algorithms: `none` and HMAC (which a public key could forge) are never accepted. */
export const ACCEPTED_ALGORITHMS = ['RS256', 'ES256'] as const;
