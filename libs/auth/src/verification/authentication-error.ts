/** Why a request is not authenticated; said to the caller as `invalid token: <reason>`. Never holds key material. */
export type AuthFailureReason =
  | 'missing bearer token'
  | 'malformed'
  | 'expired'
  | 'not yet valid'
  | 'issued in the future'
  | 'lifetime too long'
  | 'wrong issuer'
  | 'wrong audience'
  | 'algorithm not allowed'
  | 'bad signature'
  | 'unknown signing key'
  | `missing claim ${string}`
  | `malformed claim ${string}`;

/** Answered 401. */
export class AuthenticationError extends Error {
  constructor(readonly reason: AuthFailureReason) {
    super(reason === 'missing bearer token' ? reason : `invalid token: ${reason}`);
    this.name = 'AuthenticationError';
  }
}

/** The identity provider's key set could not be fetched: the token may be fine, so 503, not 401. */
export class SigningKeysUnavailableError extends Error {
  constructor(cause: unknown) {
    super('signing keys unavailable', { cause });
    this.name = 'SigningKeysUnavailableError';
  }
}
