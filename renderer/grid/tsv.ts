/**
 * Tab-separated text as spreadsheets put it on the clipboard (notes/paste-from-excel.md §3):
 * CRLF or CR become LF, exactly one trailing newline is dropped (Excel ends every row with one,
 * Google Sheets does not), a field is quoted only when it starts with a quote whose closing quote
 * is followed by a tab, a newline or the end; ragged rows are padded to the widest.
 */

export function parseTsv(text: string): string[][] {
  let source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (source.endsWith('\n')) source = source.slice(0, -1);
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field: string;
    const quoted = source[i] === '"' ? quotedField(source, i) : null;
    if (quoted) {
      field = quoted.value;
      i = quoted.next;
    } else {
      let j = i;
      while (j < source.length && source[j] !== '\t' && source[j] !== '\n') j++;
      field = source.slice(i, j);
      i = j;
    }
    row.push(field);
    if (i >= source.length) break;
    if (source[i] === '\n') {
      rows.push(row);
      row = [];
    }
    i++;
  }
  rows.push(row);
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) =>
    r.length < width ? [...r, ...Array<string>(width - r.length).fill('')] : r,
  );
}

/** A quoted field starting at `start`, or null when the quote is just part of the text. */
function quotedField(source: string, start: number): { value: string; next: number } | null {
  let value = '';
  let i = start + 1;
  while (i < source.length) {
    if (source[i] === '"') {
      if (source[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      const after = source[i + 1];
      return after === undefined || after === '\t' || after === '\n'
        ? { value, next: i + 1 }
        : null;
    }
    value += source[i];
    i++;
  }
  return null;
}

/** One field written so that `parseTsv` (and Excel) read it back unchanged. */
function tsvField(text: string): string {
  return /[\t\n\r]/.test(text) || text.startsWith('"') ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(tsvField).join('\t')).join('\r\n') + '\r\n';
}
