import fc from 'fast-check';
import { decodeCursor, encodeCursor, paginate, type PageKey } from './pagination';

describe('paginate', () => {
  const keyOf = (n: { at: string; id: number }): PageKey => [n.at, n.id];

  it('walks a sorted list page by page: every item exactly once, in order, whatever the page size', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ at: fc.constantFrom('2026-01-01', '2026-02-01'), id: fc.nat(1000) }), {
          selector: (n) => `${n.at}/${n.id}`,
        }),
        fc.integer({ min: 1, max: 7 }),
        fc.boolean(),
        (items, limit, descending) => {
          const sign = descending ? -1 : 1;
          const sorted = [...items].sort((a, b) => sign * (a.at.localeCompare(b.at) || a.id - b.id));
          const seen: typeof items = [];
          let cursor: string | undefined;
          for (let pages = 0; pages <= items.length + 1; pages++) {
            const page = paginate(sorted, { cursor, limit }, keyOf, descending);
            expect(page.items.length).toBeLessThanOrEqual(limit);
            seen.push(...page.items);
            cursor = page.nextCursor;
            if (!cursor) break;
          }
          expect(seen).toEqual(sorted);
        },
      ),
    );
  });

  it('answers a cursor it did not write with a 400 naming the cursor', () => {
    for (const cursor of [
      'not-base64-json',
      encodeCursor([]).slice(0, 2),
      Buffer.from('{"a":1}').toString('base64url'),
    ]) {
      expect(() => decodeCursor(cursor)).toThrow(
        expect.objectContaining({
          response: expect.objectContaining({ fields: [expect.objectContaining({ field: 'cursor' })] }),
        }),
      );
    }
    expect(decodeCursor(encodeCursor(['x', 3]))).toEqual(['x', 3]);
  });
});
