import fc from 'fast-check';
import { solvedUnknowns } from './linear-system.test-kit';
import { cellKey, protectTable, type TableCell } from './protect-table';

interface Table {
  readonly sizes: readonly number[];
  /** Per grid cell (row-major): null when the combination has no data, else who is behind it and its value. */
  readonly cells: readonly ({ participants: number; value: number } | null)[];
}

const coordinatesOf = (sizes: readonly number[], index: number): string[] => {
  const coordinates: string[] = [];
  for (let axis = sizes.length - 1, rest = index; axis >= 0; axis -= 1) {
    const size = sizes[axis] as number;
    coordinates.unshift(`v${rest % size}`);
    rest = Math.floor(rest / size);
  }
  return coordinates;
};

/** Random tables of 1 to 3 axes, up to 5 values each, where some cells are under k and some empty. */
const tables = fc
  .array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 })
  .filter((sizes) => sizes.reduce((a, b) => a * b, 1) <= 40)
  .chain((sizes) =>
    fc.record({
      sizes: fc.constant(sizes),
      cells: fc.array(
        fc.option(
          fc.record({
            participants: fc.integer({ min: 1, max: 12 }),
            value: fc.integer({ min: 1, max: 30 }),
          }),
          { freq: 5 },
        ),
        { minLength: sizes.reduce((a, b) => a * b, 1), maxLength: sizes.reduce((a, b) => a * b, 1) },
      ),
    }),
  );

/**
 * What an analyst knows: the published cells (an absent row is a zero), and the totals of every
 * line of two or more cells along one axis and the grand total, from the same query without that
 * axis. Returns the suppressed cells the linear system of those totals determines, with values.
 */
function recoveredBySolving(table: Table, k: number, protect = protectTable) {
  const present: TableCell[] = table.cells.flatMap((cell, i) =>
    cell ? [{ coordinates: coordinatesOf(table.sizes, i), participants: cell.participants }] : [],
  );
  const { suppressed, emptySuppressed } = protect(present, k);
  // The grid an analyst can see: the values that appear on each axis of the published rows.
  const seen = table.sizes.map((_, axis) => new Set(present.map((c) => c.coordinates[axis] as string)));
  const grid = table.cells
    .map((cell, i) => ({ coordinates: coordinatesOf(table.sizes, i), value: cell?.value ?? 0 }))
    .filter((c) => c.coordinates.every((v, axis) => seen[axis]?.has(v)));
  const hidden = new Set([...suppressed, ...emptySuppressed.map(cellKey)]);
  const unknowns = grid.filter((c) => hidden.has(cellKey(c.coordinates)));
  const lines: (typeof grid)[] = [grid];
  table.sizes.forEach((_, axis) => {
    const byRest = new Map<string, typeof grid>();
    for (const c of grid) {
      const rest = cellKey(c.coordinates.filter((_, i) => i !== axis));
      byRest.set(rest, [...(byRest.get(rest) ?? []), c]);
    }
    lines.push(...byRest.values());
  });
  const rows = lines
    .filter((line) => line.length > 1)
    .map((line) => {
      const total = line.reduce((sum, c) => sum + c.value, 0);
      const published = line.filter((c) => !unknowns.includes(c)).reduce((sum, c) => sum + c.value, 0);
      return [...unknowns.map((u) => (line.includes(u) ? 1 : 0)), total - published];
    });
  const solved = solvedUnknowns(unknowns.length, rows);
  return {
    present,
    hidden,
    recovered: [...solved].map(([i, value]) => ({ cell: unknowns[i]?.coordinates, value })),
  };
}

describe('complementary suppression', () => {
  it('leaves no suppressed cell computable from the published cells and the totals', () => {
    fc.assert(
      fc.property(tables, fc.integer({ min: 2, max: 8 }), (table, k) => {
        const { present, hidden, recovered } = recoveredBySolving(table, k);
        for (const cell of present)
          if (cell.participants < k) expect(hidden.has(cellKey(cell.coordinates))).toBe(true);
        expect(recovered).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('shows the attack it stops: with primary suppression alone the total gives the cell away', () => {
    const table: Table = {
      sizes: [3],
      cells: [
        { participants: 12, value: 7 },
        { participants: 3, value: 2 },
        { participants: 9, value: 5 },
      ],
    };
    const primaryOnly = (cells: readonly TableCell[], k: number) => ({
      suppressed: new Set(cells.filter((c) => c.participants < k).map((c) => cellKey(c.coordinates))),
      emptySuppressed: [],
    });
    expect(recoveredBySolving(table, 5, primaryOnly).recovered).toEqual([{ cell: ['v1'], value: 2 }]);

    const { hidden, recovered } = recoveredBySolving(table, 5);
    expect([...hidden]).toEqual(['v1', 'v2']);
    expect(recovered).toEqual([]);
  });

  it('suppresses an empty combination when a line has no other cell to hide', () => {
    // v0 has data in one column only: its row total would give its one small cell away.
    const { emptySuppressed } = protectTable(
      [
        { coordinates: ['a', 'x'], participants: 3 },
        { coordinates: ['b', 'x'], participants: 8 },
        { coordinates: ['b', 'y'], participants: 9 },
      ],
      5,
    );
    expect(emptySuppressed).toEqual([['a', 'y']]);
  });

  it('publishes everything when no cell is under k', () => {
    expect(
      protectTable(
        [
          { coordinates: ['a'], participants: 5 },
          { coordinates: ['b'], participants: 6 },
        ],
        5,
      ),
    ).toEqual({
      suppressed: new Set(),
      emptySuppressed: [],
    });
  });
});
