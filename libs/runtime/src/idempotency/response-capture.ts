import type { ServerResponse } from 'node:http';
import { IDEMPOTENT_REPLAYED_HEADER } from './idempotency-key';
import type { StoredOutcome } from './idempotency-records';

/** The response headers a replay repeats; the rest (dates, trace ids, rate limits) belong to each answer. */
const KEPT_HEADERS = ['etag', 'location', 'content-type'] as const;

type End = ServerResponse['end'];
type Chunk = string | Buffer | Uint8Array;

const bufferOf = (chunk: unknown, encoding?: unknown): Buffer | undefined =>
  typeof chunk === 'string'
    ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
    : chunk instanceof Uint8Array
      ? Buffer.from(chunk)
      : undefined;

/**
 * Calls `beforeSend` with the complete answer (status, kept headers, body) just before it leaves,
 * whoever wrote it (the route, or the exception filter for a 4xx), and holds the answer back until
 * it resolved: a client that saw an answer can always have it replayed.
 */
export function captureResponse(
  response: ServerResponse,
  beforeSend: (outcome: StoredOutcome) => Promise<void>,
): void {
  const chunks: Buffer[] = [];
  const write = response.write.bind(response) as (chunk: Chunk, ...rest: unknown[]) => boolean;
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  response.write = ((chunk: Chunk, ...rest: unknown[]) => {
    const buffer = bufferOf(chunk, rest[0]);
    if (buffer) chunks.push(buffer);
    return write(chunk, ...rest);
  }) as ServerResponse['write'];
  response.end = ((...args: unknown[]) => {
    const [chunk, encoding] = typeof args[0] === 'function' ? [] : args;
    const last = bufferOf(chunk, encoding);
    if (last) chunks.push(last);
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = response.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    const outcome = { status: response.statusCode, headers, body: Buffer.concat(chunks).toString('utf8') };
    // beforeSend logs its own failures; the answer goes out either way.
    void beforeSend(outcome)
      .catch(() => undefined)
      .then(() => end(...args));
    return response;
  }) as End;
}

/** Makes the response, whatever the route layer writes into it, the stored outcome, marked as a replay. */
export function replayInto(response: ServerResponse, outcome: StoredOutcome): void {
  const end = response.end.bind(response) as (chunk: Buffer) => ServerResponse;
  response.end = (() => {
    // Express may have set its own length and ETag for what it meant to send.
    for (const name of ['content-length', 'etag', 'location', 'content-type']) response.removeHeader(name);
    response.statusCode = outcome.status;
    for (const [name, value] of Object.entries(outcome.headers)) response.setHeader(name, value);
    response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
    const body = Buffer.from(outcome.body, 'utf8');
    response.setHeader('content-length', String(body.length));
    return end(body);
  }) as End;
}
