import { CsvError, parse, type Info } from 'csv-parse/sync';

export type CsvParse =
  | {
      readonly ok: true;
      readonly header: readonly string[];
      readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
    }
  | { readonly ok: false; readonly line: number; readonly message: string };

// csv-parse's own codes, told in the words of the import report.
const faults: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is not closed',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field',
  CSV_INVALID_CLOSING_QUOTE: 'text after a closing quote',
};

/**
 * RFC 4180 CSV as HR systems export it, read by csv-parse: comma separated, fields optionally in
 * double quotes ("" is a quote, newlines allowed inside quotes), CRLF, LF or CR (mixed in one
 * file, as hand-edited exports are), optional UTF-8 BOM, blank lines skipped. Any structural fault
 * (an unclosed quote, a row with a different number of cells) fails the whole file, naming the
 * line on which the faulty row starts.
 */
export function parseCsv(text: string): CsvParse {
  const lineOf = recordLines(text);
  let records: { record: string[]; info: Info }[];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      // Checked below, so the report names the row's first line and the header's width.
      relax_column_count: true,
      info: true,
    }) as unknown as { record: string[]; info: Info }[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const lastGoodRecordEnd = typeof error['bytes_records'] === 'number' ? error['bytes_records'] : 0;
    return { ok: false, line: lineOf(lastGoodRecordEnd), message: faults[error.code] ?? error.message };
  }
  const [header, ...rest] = records.map(({ record }, i) => ({
    line: lineOf(i === 0 ? 0 : (records[i - 1]?.info.bytes_records ?? 0)),
    cells: record,
  }));
  if (!header) return { ok: false, line: 1, message: 'the file is empty' };
  const mismatch = rest.find((row) => row.cells.length !== header.cells.length);
  if (mismatch) {
    return {
      ok: false,
      line: mismatch.line,
      message: `${mismatch.cells.length} cells where the header has ${header.cells.length}`,
    };
  }
  return { ok: true, header: header.cells.map((name) => name.trim()), rows: rest };
}

const CR = 0x0d;
const LF = 0x0a;

/**
 * The line on which the record after a byte offset starts (offsets only grow between calls).
 * csv-parse reports `info.lines` at a record's last line and counts a CRLF inside quotes as two,
 * so lines are counted here from its byte offsets (`bytes_records`, UTF-8, BOM included) instead.
 */
function recordLines(text: string): (offset: number) => number {
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  let line = 1;
  const step = () => {
    const byte = bytes[at];
    at += byte === CR && bytes[at + 1] === LF ? 2 : 1;
    if (byte === CR || byte === LF) line += 1;
  };
  return (offset) => {
    while (at < offset) step();
    // Blank lines skipped before the record.
    while (bytes[at] === CR || bytes[at] === LF) step();
    return line;
  };
}
