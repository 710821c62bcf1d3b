import { decodeCursor, encodeCursor, type Page } from '../validation/pagination';
import { invalidRequest } from '../validation/parse-request';
import { queryOperator } from './query-operators';
import type { TenantOwned, TenantScopedCollection } from './tenant-scoped-collection';
import type { Filter, Sort, WithId } from 'mongodb';

/**
 * One page of a read model, paged in the database: the documents matching `filter` after the cursor's
 * key, sorted by `fields` (an id last, so every key is unique), at most `limit`, and the next cursor.
 */
export async function readModelPage<T extends TenantOwned>(
  collection: TenantScopedCollection<T>,
  filter: Filter<T>,
  { fields, direction }: { fields: readonly (keyof T & string)[]; direction: 1 | -1 },
  { cursor, limit }: { cursor?: string; limit: number },
): Promise<Page<WithId<T>>> {
  const sort = Object.fromEntries(fields.map((field) => [field, direction])) as Sort;
  const paged =
    cursor === undefined ? filter : queryOperator({ $and: [filter, after(fields, cursor, direction)] });
  // One more than the page tells whether another page follows.
  const found = await collection
    .find(paged as Filter<T>)
    .sort(sort)
    .limit(limit + 1)
    .toArray();
  const items = found.slice(0, limit);
  const last = items.at(-1);
  return found.length > limit && last !== undefined
    ? { items, nextCursor: encodeCursor(fields.map((field) => String(last[field as keyof WithId<T>]))) }
    : { items };
}

/** Documents whose key comes after the cursor's: first field beyond it, or equal and the next beyond… */
function after(fields: readonly string[], cursor: string, direction: 1 | -1): object {
  const key = decodeCursor(cursor);
  if (key.length !== fields.length || key.some((value) => typeof value !== 'string'))
    throw invalidRequest('query', [
      { field: 'cursor', code: 'invalid-cursor', message: 'must be a nextCursor from a previous page' },
    ]);
  const beyond = direction === 1 ? '$gt' : '$lt';
  return queryOperator({
    $or: fields.map((field, i) => ({
      ...Object.fromEntries(fields.slice(0, i).map((equal, j) => [equal, key[j]])),
      [field]: queryOperator({ [beyond]: key[i] }),
    })),
  });
}
