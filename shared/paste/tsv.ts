/**
 * Tab-separated text as spreadsheets put it on the clipboard:
 *
 * - a BOM at the start is dropped; CRLF and lone CR become LF;
 * - exactly one trailing newline is dropped (Excel ends every row, the last included, with CRLF;
 *   Google Sheets ends none) — interior empty rows and cells are kept;
 * - a field is quoted only when it starts with `"` and its closing quote (doubled quotes inside
 *   stand for one) is followed by a tab, a newline or the end; otherwise it is taken literally,
 *   so `"Lộc Ninh" cũ` or a lone `"` stay as written;
 * - ragged rows are padded with empty cells to the widest row.
 */

/** Rows of cells; every row has the same length. An empty text gives no rows. */
export function parseTsv(text: string): string[][] {
  if (text === '') return [];
  let s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  if (s.endsWith('\n')) s = s.slice(0, -1);
  const rows = s.indexOf('"') < 0 ? s.split('\n').map((line) => line.split('\t')) : quoted(s);
  let width = 0;
  for (const row of rows) if (row.length > width) width = row.length;
  for (const row of rows) while (row.length < width) row.push('');
  return rows;
}

/** The general case: fields may be quoted. */
function quoted(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  const n = s.length;
  let pos = 0;
  for (;;) {
    // At the start of a field.
    let value: string | null = null;
    if (s.charCodeAt(pos) === 34 /* " */) {
      let j = pos + 1;
      for (;;) {
        const q = s.indexOf('"', j);
        if (q < 0) break;
        if (s.charCodeAt(q + 1) === 34) {
          j = q + 2;
          continue;
        }
        const after = s.charCodeAt(q + 1);
        if (q + 1 === n || after === 9 || after === 10) {
          value = s.slice(pos + 1, q).replace(/""/g, '"');
          pos = q + 1;
        }
        break;
      }
    }
    if (value === null) {
      let end = pos;
      while (end < n) {
        const ch = s.charCodeAt(end);
        if (ch === 9 || ch === 10) break;
        end++;
      }
      value = s.slice(pos, end);
      pos = end;
    }
    row.push(value);
    if (pos >= n) {
      rows.push(row);
      return rows;
    }
    if (s.charCodeAt(pos) === 10) {
      rows.push(row);
      row = [];
    }
    pos++;
    if (pos === n) {
      // A tab or newline at the very end: one more empty field (or row).
      row.push('');
      rows.push(row);
      return rows;
    }
  }
}
