/**
 * Tab-separated text as the grid's copy writes it: rows end in CRLF as Excel's do, and a field is
 * quoted only when it holds a tab or a line break or starts with a quote, so that the paste
 * engine (shared/paste/tsv.ts) and Excel read it back unchanged.
 */

/** One field written so that `parseTsv` (and Excel) read it back unchanged. */
function tsvField(text: string): string {
  return /[\t\n\r]/.test(text) || text.startsWith('"') ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(tsvField).join('\t')).join('\r\n') + '\r\n';
}
