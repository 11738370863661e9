/**
 * Import and export through the API as the app uses them: a job with progress, a preview that
 * stores nothing, an accept that is one undoable action, and an export of the open document.
 * An accepted import keeps what Biểu inferred (a formula found in the figures, a role read from
 * a label) as inferred in the file, until a person states it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bootstrap } from '../../../../electron/app-bootstrap';
import { dispatch } from '../../../../electron/api/dispatch';
import { createHandlers, type Handlers } from '../../../../electron/api/handlers';
import type { AppSession } from '../../../../electron/api/app-session';
import type { CallName, CallOutput } from '../../../../shared/api';
import { DAN_SO_ROLES } from '../../fixture-facts';

const fixture = (name: string) => path.resolve(__dirname, '../../..', 'fixtures', name);
let home: string;
let session: AppSession;
let handlers: Handlers;

async function call<N extends CallName>(name: N, input: unknown): Promise<CallOutput<N>> {
  const reply = await dispatch(handlers, name, input);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as CallOutput<N>;
}

async function finished(jobId: string) {
  for (let i = 0; i < 400; i++) {
    const s = await call('job.status', { jobId });
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job did not finish');
}

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-transfer-'));
  const app = bootstrap({ env: { BIEU_HOME: home } });
  session = app.session;
  handlers = createHandlers(session, { version: 't', transport: 'browser', paths: app.paths });
});

afterEach(() => {
  session.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('import through the API', () => {
  it('previews without storing, then accepts as one undoable action', async () => {
    const before = (await call('document.current', {}))!.tables.length;
    const job = await call('import.start', { path: fixture('dan-so-ho-ngheo.xlsx') });
    const done = await finished(job.jobId);
    expect(done).toMatchObject({ state: 'done', fraction: 1 });

    const preview = await call('import.preview', { jobId: job.jobId });
    expect(preview.tables).toHaveLength(1);
    const t = preview.tables[0];
    expect(t.sheet).toBe('Dân số');
    expect(t.columns.map((c) => c.code)).toEqual(['A', 'B', '1', '2', '3', '4', '5', '6']);
    expect(t.columns[2].formula).toBe('2+3');
    expect(t.rows.map((r) => r.role)).toEqual(DAN_SO_ROLES);
    expect(t.sourceRows[0]).toBe(8);
    // C17 holds the text "4.962": the column's reading is reported, not decided in silence.
    const population = t.readings.find((r) => r.column === 2);
    expect(population).toMatchObject({ convention: 'vi', strings: 1 });
    expect(population!.reason.length).toBeGreaterThan(0);
    expect((await call('document.current', {}))!.tables).toHaveLength(before);

    const accepted = await call('import.accept', {
      jobId: job.jobId,
      tables: [{ index: 0, name: 'Dân số 2024', target: 'new' }],
    });
    expect(accepted.changes.tableListChanged).toBe(true);
    const doc = (await call('document.current', {}))!;
    expect(doc.tables.map((x) => x.name)).toContain('Dân số 2024');
    const stored = await call('table.get', { tableId: accepted.changes.structureChanged[0] });
    expect(stored.rows[9].cells[2]).toBe(4962); // "4.962" typed as text in the source
    expect(stored.rows[7].cells[6]).toBe('khoảng 150'); // kept as typed

    await call('edit.undo', {});
    expect((await call('document.current', {}))!.tables).toHaveLength(before);
  });

  it('puts figures onto an existing table by unit, and reports what it could not place', async () => {
    const job = await call('import.start', { path: fixture('dan-so-ho-ngheo.xlsx') });
    await finished(job.jobId);
    const first = await call('import.accept', {
      jobId: job.jobId,
      tables: [{ index: 0, name: 'Dân số', target: 'new' }],
    });
    const tableId = first.changes.structureChanged[0];
    const table = await call('table.get', { tableId });
    // Someone blanks a figure; importing the same file onto the table brings it back.
    await call('cells.set', {
      edits: [{ tableId, rowId: table.rows[1].id, columnId: table.columns[3].id, value: null }],
    });

    const again = await call('import.start', { path: fixture('dan-so-ho-ngheo.xlsx') });
    await finished(again.jobId);
    const onto = await call('import.accept', {
      jobId: again.jobId,
      tables: [{ index: 0, name: 'Dân số', target: tableId }],
    });
    expect(onto.notes).toEqual([]);
    expect(onto.changes.changes).toHaveLength(1);
    expect((await call('table.get', { tableId })).rows[1].cells[3]).toBe(6112);

    // Another table's figures do not fit: nothing is guessed, and the note says what was left.
    const other = await call('import.start', { path: fixture('cdht-theo-nhom.xlsx') });
    await finished(other.jobId);
    const misfit = await call('import.accept', {
      jobId: other.jobId,
      tables: [{ index: 0, name: 'x', target: tableId }],
    });
    expect(misfit.notes.join(' ')).toMatch(/Không khớp cột nào của biểu «Dân số» cho: .*Đạt/);
    expect(misfit.notes.join(' ')).toMatch(/dòng không khớp đơn vị nào/);
    expect(misfit.changes.changes).toEqual([]);
  });

  it('reports a refused file as a failed job with its sentence, and stores nothing', async () => {
    const bad = path.join(home, 'hong.xlsx');
    fs.writeFileSync(bad, '');
    const before = (await call('document.current', {}))!.tables.length;
    const job = await call('import.start', { path: bad });
    const done = await finished(job.jobId);
    expect(done.state).toBe('failed');
    expect(done.error).toContain('hong.xlsx');
    const reply = await dispatch(handlers, 'import.preview', { jobId: job.jobId });
    expect(reply.ok).toBe(false);
    expect((await call('document.current', {}))!.tables).toHaveLength(before);
  });

  it('cancels a running import', async () => {
    const big = path.join(home, 'lon.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Lớn');
    ws.addRow(['STT', 'Đơn vị', 'Số dân']);
    for (let i = 1; i <= 30000; i++) ws.addRow([i, `Xã ${i}`, i * 3]);
    await wb.xlsx.writeFile(big);
    const job = await call('import.start', { path: big });
    const cancelled = await call('job.cancel', { jobId: job.jobId });
    expect(cancelled.state).toBe('cancelled');
    const reply = await dispatch(handlers, 'import.preview', { jobId: job.jobId });
    expect(reply).toMatchObject({ ok: false });
  });
});

describe('export through the API', () => {
  it('previews the open errors and writes the appendix', async () => {
    const preview = await call('export.preview', {});
    const population = preview.tables.find((t) => t.name === 'Dân số và tỷ lệ tham gia')!;
    expect(population.errors).toBe(2); // the slip planted in the sample
    const out = path.join(home, 'phu-luc.xlsx');
    const result = await call('export.run', { path: out });
    expect(result.file).toBe(out);
    expect(result.errors).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.length).toBeGreaterThanOrEqual(2);
  });
});

/** Ten communes whose "Tổng số" is Nam + Nữ on all but one row, and a "Tổng cộng" row. */
async function inferredWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dân số');
  ws.addRow(['BIỂU 1. DÂN SỐ THEO GIỚI TÍNH']);
  ws.addRow(['STT', 'Tên xã', 'Tổng số', 'Nam', 'Nữ']);
  const rows = Array.from({ length: 10 }, (_, i) => {
    const men = 1200 + 37 * i;
    const women = 1300 + 41 * i;
    // Row 6 (xã Phú Lộc) carries a slip: 10 more than its men and women.
    return [i + 1, `Xã ${NAMES[i]}`, men + women + (i === 5 ? 10 : 0), men, women];
  });
  for (const r of rows) ws.addRow(r);
  // The total adds up what the communes should have: Nam + Nữ.
  const sum = (c: number) => rows.reduce((s, r) => s + (r[c] as number), 0);
  ws.addRow(['', 'Tổng cộng', sum(3) + sum(4), sum(3), sum(4)]);
  await wb.xlsx.writeFile(file);
}

const NAMES = [
  'An Bình',
  'Bình Minh',
  'Cát Tiên',
  'Đồng Tâm',
  'Hòa Lạc',
  'Phú Lộc',
  'Quang Trung',
  'Tân Thành',
  'Thạnh Phú',
  'Vĩnh Hòa',
];

async function importInto(file: string): Promise<number> {
  const job = await call('import.start', { path: file });
  for (let i = 0; i < 400; i++) {
    const s = await call('job.status', { jobId: job.jobId });
    if (s.state !== 'running') break;
    await new Promise((r) => setTimeout(r, 25));
  }
  const accepted = await call('import.accept', {
    jobId: job.jobId,
    tables: [{ index: 0, name: 'Dân số', target: 'new' }],
  });
  return accepted.changes.structureChanged[0];
}

describe('an accepted import in the document', () => {
  it('keeps a formula and a role Biểu inferred across reopening, until a person states them', async () => {
    const doc = path.join(home, 'dan-so.bieu');
    const book = path.join(home, 'dan-so.xlsx');
    await inferredWorkbook(book);
    await call('document.createBlank', { path: doc });
    const tableId = await importInto(book);

    await call('document.close', {});
    await call('document.open', { path: doc });
    const table = await call('table.get', { tableId });
    const total = table.columns.find((c) => c.label === 'Tổng số')!;
    expect(total).toMatchObject({ formula: '2+3', formulaBasis: 'inferred' });
    const lastRow = table.rows[table.rows.length - 1];
    expect(lastRow).toMatchObject({ role: 'total', roleBasis: 'inferred' });
    expect(table.rows[0].roleBasis).toBeUndefined();

    // Row 6 of the table is row 15 of its sheet; its total row, row 20.
    const found = await call('document.check', {});
    const slip = found.find((f) => f.cell === 'C15');
    expect(slip).toMatchObject({ kind: 'inferred', severity: 'error' });
    expect(slip!.evidence).toMatch(/^Biểu nhận ra từ số liệu: cột «1=2\+3», đúng ở 10\/11 dòng/);
    const sum = found.find((f) => f.cell === 'C20');
    expect(sum).toMatchObject({ kind: 'column-total' });
    expect(sum!.evidence).toMatch(/^Biểu nhận ra từ số liệu: dòng «Tổng cộng» là dòng tổng/);

    // The person confirms the formula in the structure panel: it is the table's own now.
    const confirmed = await call('column.update', {
      tableId,
      columnId: total.id,
      patch: { formula: '2+3' },
    });
    expect(confirmed.canUndo).toBe(true);
    expect((await call('history.list', {}))[0].label).toContain('xác nhận công thức 1=2+3');
    await call('row.update', { tableId, rowIds: [lastRow.id], patch: { role: 'total' } });

    await call('document.close', {});
    await call('document.open', { path: doc });
    const stated = await call('table.get', { tableId });
    expect(stated.columns.find((c) => c.id === total.id)!.formulaBasis).toBeUndefined();
    expect(stated.rows[stated.rows.length - 1].roleBasis).toBeUndefined();
    const checked = await call('document.check', {});
    const now = checked.find((f) => f.cell === 'C15');
    expect(now).toMatchObject({ kind: 'row-formula', severity: 'error' });
    expect(now!.evidence).not.toMatch(/nhận ra/);
    expect(checked.find((f) => f.cell === 'C20')!.evidence).not.toMatch(/nhận ra/);

    // Undo takes the person's word back: Biểu's inference again.
    await call('edit.undo', {});
    await call('edit.undo', {});
    const undone = await call('table.get', { tableId });
    expect(undone.columns.find((c) => c.id === total.id)!.formulaBasis).toBe('inferred');
    expect(undone.rows[undone.rows.length - 1].roleBasis).toBe('inferred');
  });

  it('drops the inference the user corrected in the preview, keeps the rest', async () => {
    const book = path.join(home, 'dan-so.xlsx');
    await inferredWorkbook(book);
    const job = await call('import.start', { path: book });
    for (let s = await call('job.status', job); s.state === 'running';) {
      await new Promise((r) => setTimeout(r, 25));
      s = await call('job.status', job);
    }
    const read = (await call('import.preview', job)).tables[0];
    const roles = read.rows.map((r) => r.role);
    roles[roles.length - 1] = 'subtotal';
    const columns = read.columns.map((c) =>
      // The caller cannot make a formula Biểu's inference: only the importer can.
      c.code === '3' ? { ...c, formulaBasis: 'inferred' as const } : c,
    );
    const accepted = await call('import.accept', {
      jobId: job.jobId,
      tables: [{ index: 0, name: 'Dân số sửa', target: 'new', roles, columns }],
    });
    const t = await call('table.get', { tableId: accepted.changes.structureChanged[0] });
    expect(t.columns.map((c) => c.formulaBasis ?? '')).toEqual(['', '', 'inferred', '', '']);
    expect(t.rows[t.rows.length - 1]).toMatchObject({ role: 'subtotal' });
    expect(t.rows[t.rows.length - 1].roleBasis).toBeUndefined();
  });
});
