/**
 * What runs inside the worker thread that parses an .xls or .ods with SheetJS: plain JavaScript,
 * evaluated as the worker's source, so the same code runs from the bundle, from the sources under
 * test, and in the packaged app. It parses and answers with compact sheets — each cell as
 * [row, col, type, value, text, formula, format] — and nothing else: turning them into grids is
 * done outside (sheet-grid-of.ts), where it is typed and tested.
 */
export const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const XLSX = require(workerData.library);
let book = null;
try {
  book = XLSX.read(Buffer.from(workerData.bytes), {
    type: 'buffer',
    dense: true,
    cellFormula: true,
    cellNF: true,
    cellText: true,
    cellDates: false,
    sheetStubs: false,
    WTF: false,
    password: '',
  });
} catch (e) {
  parentPort.postMessage({ ok: false, message: String((e && e.message) || e) });
}
const sheets = [];
for (const name of book ? book.SheetNames : []) {
  const ws = book.Sheets[name];
  const cells = [];
  const data = (ws && ws['!data']) || [];
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const q = row[c];
      if (!q || q.t === 'z') continue;
      cells.push([r, c, q.t, q.v === undefined ? null : q.v, q.w === undefined ? null : q.w,
        q.f === undefined ? null : q.f, q.z === undefined ? null : String(q.z)]);
    }
  }
  const merges = ((ws && ws['!merges']) || []).map((m) => [m.s.r, m.s.c, m.e.r, m.e.c]);
  const hiddenRows = [];
  ((ws && ws['!rows']) || []).forEach((r, i) => { if (r && r.hidden) hiddenRows.push(i); });
  const hiddenColumns = [];
  ((ws && ws['!cols']) || []).forEach((c, i) => { if (c && c.hidden) hiddenColumns.push(i); });
  sheets.push({ name, cells, merges, hiddenRows, hiddenColumns });
}
if (book) {
  const props = book.Workbook && book.Workbook.WBProps;
  parentPort.postMessage({ ok: true, sheets, date1904: !!(props && props.date1904) });
}
`;
