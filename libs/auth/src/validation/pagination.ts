import { z } from 'zod';
import { invalidRequest } from './parse-request';

/** A sort key: the values a list is ordered by, the item's id last so that every key is unique. */
export type PageKey = readonly (string | number)[];

/**
 * The two query parameters of every list: `cursor` (opaque, from the previous page's `nextCursor`) and
 * `limit` (1 to `max`, `fallback` when absent). Spread into the list's strict query schema.
 */
export const pageQuery = (max: number, fallback: number) => ({
  cursor: z
    .string()
    .min(1)
    .max(1024)
    .optional()
    .describe("Continue after the page whose answer's `nextCursor` this is"),
  limit: z.coerce.number().int().min(1).max(max).default(fallback).describe(`Items per page, at most ${max}`),
});

/** `{ items, nextCursor }`: a page of a list; `nextCursor` is absent on the last page. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().optional().describe('Send as `cursor` for the next page; absent on the last page'),
  });

export interface Page<T> {
  readonly items: T[];
  readonly nextCursor?: string;
}

export const encodeCursor = (key: PageKey): string => Buffer.from(JSON.stringify(key)).toString('base64url');

/** The sort key a cursor carries; 400 naming `cursor` when it is not one this API wrote. */
export function decodeCursor(cursor: string): PageKey {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(key) &&
      key.length > 0 &&
      key.every((v) => typeof v === 'string' || typeof v === 'number')
    )
      return key;
  } catch {
    // answered below
  }
  throw invalidRequest('query', [
    { field: 'cursor', code: 'invalid-cursor', message: 'must be a nextCursor from a previous page' },
  ]);
}

/** Orders two sort keys value by value (numbers as numbers, strings by code point). */
export function compareKeys(a: PageKey, b: PageKey): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i], b[i]];
    if (x === y || x === undefined || y === undefined) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * One page of a list already in memory and sorted by `keyOf` (ascending, or descending with `descending`):
 * the items after the cursor's key, at most `limit`, and the cursor of the next page when more remain.
 * Lists read from the database page there instead, with `decodeCursor` in the filter and `encodeCursor`.
 */
export function paginate<T>(
  sorted: readonly T[],
  { cursor, limit }: { cursor?: string; limit: number },
  keyOf: (item: T) => PageKey,
  descending = false,
): Page<T> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  const sign = descending ? -1 : 1;
  const rest =
    after === undefined ? sorted : sorted.filter((item) => sign * compareKeys(keyOf(item), after) > 0);
  const items = rest.slice(0, limit);
  const last = items.at(-1);
  return rest.length > limit && last !== undefined
    ? { items, nextCursor: encodeCursor(keyOf(last)) }
    : { items };
}
