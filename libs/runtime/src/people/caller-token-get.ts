import { ServiceUnavailableException } from '@nestjs/common';

/**
 * Reads another service's JSON answer on the caller's behalf (their own `Authorization`, so that
 * service applies its own access rule and tenant). Anything but a 2xx in time is a 503 that says
 * `what` is not available and why.
 */
export async function getWithCallerToken<T>(
  url: string,
  authorization: string | undefined,
  { what, from, timeoutMs }: { what: string; from: string; timeoutMs: number },
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { ...(authorization ? { authorization } : {}), accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw new ServiceUnavailableException(`${what} not available: ${from} did not answer`);
  }
  if (!response.ok)
    throw new ServiceUnavailableException(`${what} not available: ${from} answered ${response.status}`);
  return (await response.json()) as T;
}
