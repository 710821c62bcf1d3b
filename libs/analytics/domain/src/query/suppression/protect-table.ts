import { determinedUnknowns } from './determined-unknowns';

/** One cell of an answer's table: its value on each axis (period, dimensions) and who is behind it. */
export interface TableCell {
  readonly coordinates: readonly string[];
  readonly participants: number;
}

export interface ProtectedTable {
  /** Keys (`cellKey`) of the cells to publish without values. */
  readonly suppressed: ReadonlySet<string>;
  /** Combinations without any data suppressed as complements: published as suppressed rows too. */
  readonly emptySuppressed: readonly (readonly string[])[];
}

interface GridCell {
  readonly key: string;
  readonly coordinates: readonly string[];
  readonly participants: number;
  readonly present: boolean;
}

export const cellKey = (coordinates: readonly string[]): string => coordinates.join('\u0001');

/**
 * Primary suppression (every cell behind fewer than k participants) and complementary suppression:
 * more cells are suppressed until no suppressed cell follows from the published cells and the
 * table's totals (every row, column and line total along one axis, and the grand total, as other
 * queries give them). The table is the full grid of the values seen on each axis, combinations
 * without data being zeros. A complement is taken in a line through a recoverable cell, preferring
 * cells with data and then the fewest participants (the least information lost).
 */
export function protectTable(cells: readonly TableCell[], k: number): ProtectedTable {
  const grid = gridOf(cells);
  const suppressed = new Set(grid.filter((c) => c.present && c.participants < k).map((c) => c.key));
  if (suppressed.size === 0) return { suppressed, emptySuppressed: [] };
  const lines = linesOf(grid);
  const linesThrough = new Map<string, GridCell[][]>();
  for (const line of lines) for (const cell of line) pushTo(linesThrough, cell.key, line);
  for (;;) {
    const recoverable = recoverableCells(lines, suppressed);
    if (recoverable.length === 0) break;
    const added = recoverable.flatMap((key) => {
      const near = (linesThrough.get(key) ?? []).flat().filter((c) => !suppressed.has(c.key));
      const complement = cheapest(near) ?? cheapest(grid.filter((c) => !suppressed.has(c.key)));
      if (complement) suppressed.add(complement.key);
      return complement ? [complement] : [];
    });
    // Everything is suppressed: only a one-cell table is left, which refusing isolating queries covers.
    if (added.length === 0) break;
  }
  return {
    suppressed,
    emptySuppressed: grid.filter((c) => !c.present && suppressed.has(c.key)).map((c) => c.coordinates),
  };
}

/** Suppressed cells the published cells and the totals determine. */
function recoverableCells(lines: readonly (readonly GridCell[])[], suppressed: ReadonlySet<string>) {
  const unknowns = [...suppressed];
  const index = new Map(unknowns.map((key, i) => [key, i]));
  const equations = lines
    .map((line) => line.flatMap((c) => (index.has(c.key) ? [index.get(c.key) as number] : [])))
    .filter((equation) => equation.length > 0);
  return [...determinedUnknowns(equations)].sort((a, b) => a - b).map((i) => unknowns[i] as string);
}

function gridOf(cells: readonly TableCell[]): GridCell[] {
  const present = new Map(cells.map((c) => [cellKey(c.coordinates), c]));
  const axes = (cells[0]?.coordinates ?? []).map((_, axis) =>
    [...new Set(cells.map((c) => c.coordinates[axis] as string))].sort(),
  );
  let combinations: string[][] = cells.length === 0 ? [] : [[]];
  for (const values of axes)
    combinations = combinations.flatMap((prefix) => values.map((v) => [...prefix, v]));
  return combinations.map((coordinates) => {
    const key = cellKey(coordinates);
    const cell = present.get(key);
    return { key, coordinates, participants: cell?.participants ?? 0, present: cell !== undefined };
  });
}

/**
 * The totals an analyst can learn: along each axis, every line of cells that agree on all other axes
 * (what the query without that axis answers), and the grand total. A one-cell line is the cell
 * itself, not a total of anything, and is left out.
 */
function linesOf(grid: readonly GridCell[]): GridCell[][] {
  const axisCount = grid[0]?.coordinates.length ?? 0;
  const lines: GridCell[][] = [];
  for (let axis = 0; axis < axisCount; axis += 1) {
    const byRest = new Map<string, GridCell[]>();
    for (const cell of grid) {
      const rest = cellKey(cell.coordinates.filter((_, i) => i !== axis));
      pushTo(byRest, rest, cell);
    }
    lines.push(...byRest.values());
  }
  lines.push([...grid]);
  return lines.filter((line) => line.length > 1);
}

function cheapest(cells: readonly GridCell[]): GridCell | undefined {
  return [...cells].sort(
    (a, b) =>
      Number(!a.present) - Number(!b.present) ||
      a.participants - b.participants ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  )[0];
}

function pushTo<T>(map: Map<string, T[]>, key: string, item: T): void {
  const items = map.get(key);
  if (items) items.push(item);
  else map.set(key, [item]);
}
