export type CsvParse =
  | {
      readonly ok: true;
      readonly header: readonly string[];
      readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
    }
  | { readonly ok: false; readonly line: number; readonly message: string };

/**
 * RFC 4180 CSV as HR systems export it: comma separated, fields optionally in double quotes ("" is
 * a quote, newlines allowed inside quotes), CRLF or LF, optional UTF-8 BOM, blank lines skipped.
 * Any structural fault (an unclosed quote, a row with a different number of cells) fails the
 * whole file, naming the line.
 */
export function parseCsv(text: string): CsvParse {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < source.length; i += 1) {
    const char = source.charAt(i);
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
        const next = source[i + 1];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r')
          return { ok: false, line, message: 'text after a closing quote' };
      } else {
        if (char === '\n') line += 1;
        cell += char;
      }
      continue;
    }
    if (char === '"') {
      if (cell.length > 0) return { ok: false, line, message: 'a quote inside an unquoted field' };
      quoted = true;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i += 1;
      cells.push(cell);
      if (cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      line += 1;
      recordLine = line;
    } else {
      cell += char;
    }
  }
  if (quoted) return { ok: false, line: recordLine, message: 'a quoted field is not closed' };
  cells.push(cell);
  if (cells.length > 1 || cells[0] !== '') records.push({ line: recordLine, cells });

  const [header, ...rows] = records;
  if (!header) return { ok: false, line: 1, message: 'the file is empty' };
  const mismatch = rows.find((row) => row.cells.length !== header.cells.length);
  if (mismatch) {
    return {
      ok: false,
      line: mismatch.line,
      message: `${mismatch.cells.length} cells where the header has ${header.cells.length}`,
    };
  }
  return { ok: true, header: header.cells.map((name) => name.trim()), rows };
}
