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
  readonly clockSkewSeconds: number;
}

/** Only asymmetric algorithms: `none` and HMAC (which a public key could forge) are never accepted. */
export const ACCEPTED_ALGORITHMS = ['RS256', 'ES256'] as const;
