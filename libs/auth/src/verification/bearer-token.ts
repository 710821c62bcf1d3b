// Real access tokens are 1-2 kB; anything far larger is refused before parsing.
const maxTokenLength = 16 * 1024;

/** The token of an `Authorization: Bearer <token>` header, or undefined when there is none usable. */
export function bearerTokenOf(authorization: string | readonly string[] | undefined): string | undefined {
  if (typeof authorization !== 'string') return undefined;
  const match = /^Bearer[ ]+([A-Za-z0-9._~+/-]+=*)$/i.exec(authorization.trim());
  const token = match?.[1];
  return token && token.length <= maxTokenLength ? token : undefined;
}
