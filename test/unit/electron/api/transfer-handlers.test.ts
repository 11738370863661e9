/**
 * What an import accepted into a document keeps of how Biểu read the workbook: a formula it
 * found in the figures and a role it read from a label stay Biểu's inferences in the file —
 * after reopening, the checks still say so — until a person states them.
 */
import ExcelJS from 'exceljs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useApi } from '../../helpers/api-harness';

const api = useApi('bieu-transfer-handlers-');

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
  const job = await api.call('import.start', { path: file });
  for (let i = 0; i < 400; i++) {
    const s = await api.call('job.status', { jobId: job.jobId });
    if (s.state !== 'running') break;
    await new Promise((r) => setTimeout(r, 25));
  }
  const accepted = await api.call('import.accept', {
    jobId: job.jobId,
    tables: [{ index: 0, name: 'Dân số', target: 'new' }],
  });
  return accepted.changes.structureChanged[0];
}

describe('an accepted import in the document', () => {
  it('keeps a formula and a role Biểu inferred across reopening, until a person states them', async () => {
    const doc = path.join(api.homeDir(), 'dan-so.bieu');
    const book = path.join(api.homeDir(), 'dan-so.xlsx');
    await inferredWorkbook(book);
    await api.call('document.createBlank', { path: doc });
    const tableId = await importInto(book);

    await api.call('document.close', {});
    await api.call('document.open', { path: doc });
    const table = await api.call('table.get', { tableId });
    const total = table.columns.find((c) => c.label === 'Tổng số')!;
    expect(total).toMatchObject({ formula: '2+3', formulaBasis: 'inferred' });
    const lastRow = table.rows[table.rows.length - 1];
    expect(lastRow).toMatchObject({ role: 'total', roleBasis: 'inferred' });
    expect(table.rows[0].roleBasis).toBeUndefined();

    // Row 6 of the table is row 15 of its sheet; its total row, row 20.
    const found = await api.call('document.check', {});
    const slip = found.find((f) => f.cell === 'C15');
    expect(slip).toMatchObject({ kind: 'inferred', severity: 'error' });
    expect(slip!.evidence).toMatch(/^Biểu nhận ra từ số liệu: cột «1=2\+3», đúng ở 10\/11 dòng/);
    const sum = found.find((f) => f.cell === 'C20');
    expect(sum).toMatchObject({ kind: 'column-total' });
    expect(sum!.evidence).toMatch(/^Biểu nhận ra từ số liệu: dòng «Tổng cộng» là dòng tổng/);

    // The person confirms the formula in the structure panel: it is the table's own now.
    const confirmed = await api.call('column.update', {
      tableId,
      columnId: total.id,
      patch: { formula: '2+3' },
    });
    expect(confirmed.canUndo).toBe(true);
    expect((await api.call('history.list', {}))[0].label).toContain('xác nhận công thức 1=2+3');
    await api.call('row.update', { tableId, rowId: lastRow.id, patch: { role: 'total' } });

    await api.call('document.close', {});
    await api.call('document.open', { path: doc });
    const stated = await api.call('table.get', { tableId });
    expect(stated.columns.find((c) => c.id === total.id)!.formulaBasis).toBeUndefined();
    expect(stated.rows[stated.rows.length - 1].roleBasis).toBeUndefined();
    const checked = await api.call('document.check', {});
    const now = checked.find((f) => f.cell === 'C15');
    expect(now).toMatchObject({ kind: 'row-formula', severity: 'error' });
    expect(now!.evidence).not.toMatch(/nhận ra/);
    expect(checked.find((f) => f.cell === 'C20')!.evidence).not.toMatch(/nhận ra/);

    // Undo takes the person's word back: Biểu's inference again.
    await api.call('edit.undo', {});
    await api.call('edit.undo', {});
    const undone = await api.call('table.get', { tableId });
    expect(undone.columns.find((c) => c.id === total.id)!.formulaBasis).toBe('inferred');
    expect(undone.rows[undone.rows.length - 1].roleBasis).toBe('inferred');
  });

  it('drops the inference the user corrected in the preview, keeps the rest', async () => {
    const book = path.join(api.homeDir(), 'dan-so.xlsx');
    await inferredWorkbook(book);
    const job = await api.call('import.start', { path: book });
    for (let s = await api.call('job.status', job); s.state === 'running';) {
      await new Promise((r) => setTimeout(r, 25));
      s = await api.call('job.status', job);
    }
    const read = (await api.call('import.preview', job)).tables[0];
    const roles = read.rows.map((r) => r.role);
    roles[roles.length - 1] = 'subtotal';
    const columns = read.columns.map((c) =>
      // The caller cannot make a formula Biểu's inference: only the importer can.
      c.code === '3' ? { ...c, formulaBasis: 'inferred' as const } : c,
    );
    const accepted = await api.call('import.accept', {
      jobId: job.jobId,
      tables: [{ index: 0, name: 'Dân số sửa', target: 'new', roles, columns }],
    });
    const t = await api.call('table.get', { tableId: accepted.changes.structureChanged[0] });
    expect(t.columns.map((c) => c.formulaBasis ?? '')).toEqual(['', '', 'inferred', '', '']);
    expect(t.rows[t.rows.length - 1]).toMatchObject({ role: 'subtotal' });
    expect(t.rows[t.rows.length - 1].roleBasis).toBeUndefined();
  });
});
