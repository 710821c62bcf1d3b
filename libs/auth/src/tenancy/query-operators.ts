import { BadRequestException } from '@nestjs/common';

// Query operators are trusted only when code built them with `queryOperator`: the mark lives in a
// WeakSet, which nothing parsed from JSON or a query string can be in. A `$` key anywhere else in
// a filter came from outside (a body `{"status": {"$ne": null}}`) and is refused.
const trusted = new WeakSet<object>();

/** Marks an operator expression written in code, e.g. `{ status: queryOperator({ $in: ['open', 'launched'] }) }`. */
export function queryOperator<const T extends object>(expression: T): T {
  trusted.add(expression);
  return expression;
}

/** A filter holds a `$` key that code did not mark: answered 400 naming the field, never run. */
export class UnsafeFilterError extends BadRequestException {
  constructor(readonly field: string) {
    super({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid request',
      fields: [{ field, message: 'query operators are not accepted' }],
    });
    this.name = 'UnsafeFilterError';
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

/** Throws UnsafeFilterError for the first untrusted `$` key in a filter (dates, ids and other values pass). */
export function assertSafeFilter(filter: unknown, path: readonly string[] = []): void {
  if (Array.isArray(filter)) {
    filter.forEach((item, index) => assertSafeFilter(item, [...path, String(index)]));
    return;
  }
  if (!isPlainObject(filter)) return;
  const isTrusted = trusted.has(filter);
  for (const [key, value] of Object.entries(filter)) {
    const field = [...path, key];
    if (key.startsWith('$') && !isTrusted) throw new UnsafeFilterError(field.join('.'));
    assertSafeFilter(value, field);
  }
}
