import type { QueryResult } from '@tandem/analytics-domain';
import { stringify } from 'csv-stringify/sync';

/**
 * The query's rows as CSV (RFC 4180, CRLF): period (when grained), dimensions, measures,
 * suppressed. Written by csv-stringify with `escape_formulas` (OWASP "CSV Injection"): a text cell
 * that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (or the full-width `＝＋－＠`)
 * gets a leading `'`, so a spreadsheet shows it as text instead of running it; the value is kept
 * otherwise. Only text is escaped: measures are numbers, so `-3` stays the number -3.
 */
export function queryResultCsv(result: QueryResult): string {
  const header = [
    ...(result.timeGrain ? ['period'] : []),
    ...result.dimensions,
    ...result.measures,
    'suppressed',
  ];
  const rows = result.rows.map((row) => [
    ...(result.timeGrain ? [row.period] : []),
    ...result.dimensions.map((d) => row.dimensions[d]),
    ...result.measures.map((m) => row.measures[m]),
    row.suppressed,
  ]);
  return stringify([header, ...rows], {
    record_delimiter: 'windows',
    escape_formulas: true,
    // csv-stringify quotes only the whole CRLF; a bare CR or LF in a cell must be quoted too.
    quoted_match: /[\r\n]/,
    // Null and undefined become empty cells; booleans are spelled out (csv-stringify writes 1 / '').
    cast: { boolean: (value) => String(value) },
  });
}
