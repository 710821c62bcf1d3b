import { cellKey, protectTable } from './protect-table';

/** A row of an answer as suppression sees it: its place in the table and who is behind it. */
export interface RowCell {
  readonly period?: string;
  readonly dimensionValues: readonly string[];
  readonly participants: number;
}

/**
 * Which rows of a personal answer to suppress (by index) and which empty combinations to add as
 * suppressed rows: the answer is a table over its period (when grained) and its dimensions.
 */
export function suppressRows(
  rows: readonly RowCell[],
  grained: boolean,
  k: number,
): { suppressed: ReadonlySet<number>; empty: { period?: string; dimensionValues: string[] }[] } {
  const coordinatesOf = (row: RowCell) => [...(grained ? [row.period ?? ''] : []), ...row.dimensionValues];
  const table = protectTable(
    rows.map((row) => ({ coordinates: coordinatesOf(row), participants: row.participants })),
    k,
  );
  const suppressed = new Set(
    rows.flatMap((row, i) => (table.suppressed.has(cellKey(coordinatesOf(row))) ? [i] : [])),
  );
  const empty = table.emptySuppressed.map((coordinates) =>
    grained
      ? { period: coordinates[0] as string, dimensionValues: coordinates.slice(1) }
      : { dimensionValues: [...coordinates] },
  );
  return { suppressed, empty };
}
