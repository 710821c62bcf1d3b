import type { QueryResult } from './run-query';

const cell = (value: string | number | boolean | null | undefined): string => {
  const text = value === null || value === undefined ? '' : String(value);
  // Quote what would break the row, and neutralise spreadsheet formulas.
  const safe = /^[=+\-@]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The query's rows as CSV: period (when grained), dimensions, measures, suppressed. */
export function queryResultCsv(result: QueryResult): string {
  const header = [
    ...(result.timeGrain ? ['period'] : []),
    ...result.dimensions,
    ...result.measures,
    'suppressed',
  ];
  const lines = result.rows.map((row) =>
    [
      ...(result.timeGrain ? [row.period] : []),
      ...result.dimensions.map((d) => row.dimensions[d]),
      ...result.measures.map((m) => row.measures[m]),
      row.suppressed,
    ]
      .map(cell)
      .join(','),
  );
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
