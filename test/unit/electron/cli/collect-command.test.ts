/**
 * `bieu collect` as a district statistician runs it: the built bundle, a real district document
 * of 16 communes, the files they returned written with exceljs (one .xls and one .ods saved by
 * LibreOffice), real exit codes. The JSON must say exactly who was received, who is missing, who
 * is in conflict, which row matches no unit and which file's row does not add up; --apply must
 * leave the district table with the received figures and nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DocumentStore } from '../../../../electron/store/document-store';
import { sha256 } from '../../helpers/store-helpers';
import { buildCli, NOBODY, runBieu, runBieuUnprivileged } from '../../helpers/collect/run-bieu';
import {
  districtTable,
  TABLE_NAME,
  UNIT_NAMES,
  unitFigures,
  writeReturned,
} from '../../helpers/collect/district';
import {
  BREAKDOWN,
  NOT_ADDING_UP,
  ODS_UNIT,
  SILENT,
  STRAY,
  TWICE,
  writeReturnedSet,
} from '../../helpers/collect/returned-set';

let dir: string;
let returned: string;
const bieu = (...args: string[]) => runBieu(dir, ...args);

function newDistrict(name: string): string {
  const file = path.join(dir, name);
  DocumentStore.create(file, [districtTable()], { user: 'thongke' }).close();
  return file;
}

interface Report {
  version: number;
  table: string;
  units: {
    unit: string;
    status: string;
    file: string | null;
    files: string[];
    changes: { column: string; from: unknown; to: unknown; sheet: string; cell: string }[];
    conflict: {
      between: string;
      columns: { column: string; values: { file: string; value: number }[] }[];
    } | null;
  }[];
  unmatched: { file: string; row: number; name: string }[];
  unreadable: { file: string; message: string }[];
  findings: { file: string; severity: string; kind: string; sheet: string; cell: string }[];
}

beforeAll(async () => {
  buildCli();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-collect-cli-'));
  returned = path.join(dir, 'returned');
  await writeReturnedSet(returned);
}, 120_000);
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('bieu collect DOC.bieu --table NAME FOLDER --json', () => {
  it('says per commune received / missing / conflict, the stray row and the row that does not add up, and writes nothing', () => {
    const doc = newDistrict('huyen.bieu');
    const before = sha256(doc);
    const r = bieu('collect', doc, '--table', TABLE_NAME, returned, '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.version).toBe(1);
    expect(report.table).toBe(TABLE_NAME);
    const status = Object.fromEntries(report.units.map((u) => [u.unit, u.status]));
    expect(Object.keys(status)).toEqual(UNIT_NAMES);
    const expected = Object.fromEntries(
      UNIT_NAMES.map((u) => [u, u === SILENT ? 'missing' : u === TWICE ? 'conflict' : 'received']),
    );
    expect(status).toEqual(expected);

    // Every received unit's figures, from its own file, each change from blank to the figure.
    for (const u of report.units.filter((x) => x.status === 'received')) {
      const figures = unitFigures(u.unit);
      if (u.unit === NOT_ADDING_UP.unit) figures[0] += 1;
      expect(
        u.changes.map((c) => c.to),
        u.unit,
      ).toEqual(figures);
      expect(u.changes.every((c) => c.from === null)).toBe(true);
      expect(u.files).toHaveLength(1);
    }
    const byUnit = (name: string) => report.units.find((u) => u.unit === name)!;
    expect(path.basename(byUnit(BREAKDOWN.unit).file!)).toBe(BREAKDOWN.file);
    expect(path.basename(byUnit('Xã Lộc Hiệp').file!)).toBe('Loc Hiep.xls');
    expect(path.basename(byUnit(ODS_UNIT).file!)).toBe('Loc Hung.ods');
    expect(byUnit('Xã Lộc Thạnh').changes[0]).toMatchObject({
      sheet: 'Số liệu gửi huyện',
      cell: 'C10',
    });

    // The commune that sent two files: both named, the column where they differ, both values.
    const twice = byUnit(TWICE);
    expect(twice.files.map((f) => path.basename(f)).sort()).toEqual([
      'Loc Thanh - sua.xlsx',
      'Loc Thanh.xlsx',
    ]);
    expect(twice.conflict?.between).toBe('files');
    expect(twice.conflict?.columns.map((c) => c.column)).toEqual(['6']);
    const participants = twice.conflict!.columns[0].values.map((v) => v.value).sort();
    expect(participants).toEqual([unitFigures(TWICE)[5], unitFigures(TWICE)[5] + 9].sort());

    expect(report.unmatched.map((x) => ({ ...x, file: path.basename(x.file) }))).toEqual([
      { ...STRAY, sheet: 'Biểu 01' },
    ]);

    // The slip is reported in the commune's own file and cell, as an error.
    const errors = report.findings.filter((f) => f.severity === 'error');
    expect(
      errors.some(
        (f) =>
          path.basename(f.file) === NOT_ADDING_UP.file &&
          f.kind === 'row-formula' &&
          f.cell === NOT_ADDING_UP.cell,
      ),
    ).toBe(true);
    expect(report.unreadable).toEqual([]);
    expect(sha256(doc)).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('huyen.bieu'))).toEqual(['huyen.bieu']);
  });
});

describe('bieu collect --apply', () => {
  it('writes the received figures, one undoable step per file, and leaves the missing and the conflicting commune untouched', () => {
    const doc = newDistrict('ap-dung.bieu');
    const r = bieu('collect', doc, '--table', TABLE_NAME, returned, '--apply');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('CHƯA GỬI: Xã Lộc Khánh');
    const store = DocumentStore.open(doc, { user: 'thongke' });
    try {
      const table = store.tableByName(TABLE_NAME)!;
      const figures = (unit: string) =>
        table.rows.find((row) => row.cells[1] === unit)!.cells.slice(2);
      for (const unit of UNIT_NAMES) {
        if (unit === SILENT || unit === TWICE) {
          expect(figures(unit), unit).toEqual(Array(7).fill(null));
          continue;
        }
        const want = unitFigures(unit);
        if (unit === NOT_ADDING_UP.unit) want[0] += 1;
        expect(figures(unit), unit).toEqual(want);
      }
      const labels = store.history().map((b) => b.label);
      expect(labels.filter((l) => l?.startsWith('Tổng hợp từ'))).toHaveLength(14);
      expect(labels).toContain('Tổng hợp từ «Loc Hiep.xls»');
      expect(labels).toContain('Tổng hợp từ «Loc Hung.ods»');
      // One undo takes back one commune's file.
      const last = store.history()[0].label!;
      store.undo();
      const name = /«(.*)»/.exec(last)![1];
      expect(store.history().filter((b) => b.state === 'done' && b.label === last)).toHaveLength(0);
      expect(name).toMatch(/\.(xlsx?|ods)$/);
    } finally {
      store.close();
    }

    // Collected again: the received units have nothing new.
    const again = JSON.parse(
      bieu('collect', doc, '--table', TABLE_NAME, returned, '--json').stdout,
    ) as Report;
    const still = again.units.filter((u) => u.status === 'received' && u.changes.length > 0);
    expect(still.map((u) => u.unit)).toHaveLength(1); // the file undone above
  });
});

describe('collecting again later', () => {
  it("shows only what a commune's corrected file changes, keeps who was received before, and flags a figure typed by hand", async () => {
    const doc = newDistrict('lan-hai.bieu');
    bieu('collect', doc, '--table', TABLE_NAME, returned, '--apply');
    // Lộc Thái corrects its slip; Lộc Khánh's figures were taken by phone, then its file comes.
    const later = path.join(dir, 'gui-lai');
    fs.mkdirSync(later);
    await writeReturned(path.join(later, 'Loc Thai (sua).xlsx'), {
      rows: [{ name: 'Lộc Thái', figures: unitFigures(NOT_ADDING_UP.unit) }],
    });
    await writeReturned(path.join(later, 'Loc Khanh.xlsx'), {
      rows: [{ name: 'Lộc Khánh', figures: unitFigures(SILENT) }],
    });
    const store = DocumentStore.open(doc, { user: 'thongke' });
    try {
      const table = store.tableByName(TABLE_NAME)!;
      const khanh = table.rows.find((r) => r.cells[1] === SILENT)!;
      store.setCells([
        { tableId: table.id, rowId: khanh.id, columnId: table.columns[7].id, value: 400 },
      ]);
    } finally {
      store.close();
    }

    const r = bieu('collect', doc, '--table', TABLE_NAME, later, '--json');
    const report = JSON.parse(r.stdout) as Report;
    const byUnit = (name: string) => report.units.find((u) => u.unit === name)!;
    const thai = byUnit(NOT_ADDING_UP.unit);
    expect(thai.status).toBe('received');
    expect(thai.changes.map(({ column, from, to }) => ({ column, from, to }))).toEqual([
      {
        column: '1',
        from: unitFigures(NOT_ADDING_UP.unit)[0] + 1,
        to: unitFigures(NOT_ADDING_UP.unit)[0],
      },
    ]);
    const khanh = byUnit(SILENT);
    expect(khanh.status).toBe('conflict');
    expect(khanh.conflict).toEqual({ between: 'table', columns: ['6'] });
    // Received in the first collect, silent now: still received, from the file it came from.
    const hoa = byUnit('Xã Lộc Hòa');
    expect([hoa.status, path.basename(hoa.file!), hoa.changes]).toEqual([
      'received',
      'Loc Hoa.xlsx',
      [],
    ]);
    expect(byUnit(TWICE).status).toBe('missing');
  });
});

describe('bieu collect: what it refuses', () => {
  it('a file that is not a workbook: one sentence, exit 2, nothing written', () => {
    const doc = newDistrict('sai-tep.bieu');
    const before = sha256(doc);
    const bad = path.join(dir, 'Loc Hoa.xlsx');
    fs.writeFileSync(bad, 'Kính gửi UBND huyện: số liệu như sau …');
    const r = bieu('collect', doc, '--table', TABLE_NAME, bad, '--apply');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('«Loc Hoa.xlsx»');
    expect(sha256(doc)).toBe(before);
  });

  it('a workbook with no table like the district form: one sentence, exit 2, nothing written', async () => {
    const doc = newDistrict('khong-khop.bieu');
    const before = sha256(doc);
    const other = path.join(dir, 'khac.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Chi');
    ws.addRows([
      ['BIỂU CHI NGÂN SÁCH'],
      [],
      ['STT', 'Nội dung', 'Dự toán', 'Thực hiện'],
      [1, 'Chi thường xuyên', 1200, 1100],
      [2, 'Chi đầu tư', 800, 640],
    ]);
    await wb.xlsx.writeFile(other);
    const r = bieu('collect', doc, '--table', TABLE_NAME, other, '--apply', '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      `Tệp «khac.xlsx» không có biểu nào khớp với biểu «${TABLE_NAME}» (không thấy đủ các cột số liệu của biểu); tệp này không được tổng hợp.`,
    ]);
    expect(sha256(doc)).toBe(before);
  });

  it('a workbook open in Excel (its ~$ owner file beside it): one sentence, exit 2, nothing written', async () => {
    const doc = newDistrict('dang-mo.bieu');
    const before = sha256(doc);
    const open = path.join(dir, 'dang-mo');
    fs.mkdirSync(open);
    const file = path.join(open, 'Loc Phu.xlsx');
    await writeReturned(file, {
      rows: [{ name: 'Xã Lộc Phú', figures: unitFigures('Xã Lộc Phú') }],
    });
    fs.writeFileSync(path.join(open, '~$Loc Phu.xlsx'), 'owner');
    const r = bieu('collect', doc, '--table', TABLE_NAME, open, '--apply');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      'Tệp «Loc Phu.xlsx» đang được mở trong Excel hoặc LibreOffice; hãy lưu, đóng tệp rồi tổng hợp lại.',
    ]);
    expect(sha256(doc)).toBe(before);
  });

  it('a file no one may read (held by another program, or no permission): one sentence, nothing of it written, the other communes still collected', () => {
    // Its own folder, owned by the unprivileged user who runs bieu here (run-bieu.ts).
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-collect-khoa-'));
    try {
      const folder = path.join(home, 've');
      fs.cpSync(returned, folder, { recursive: true });
      const doc = path.join(home, 'khoa.bieu');
      DocumentStore.create(doc, [districtTable()], { user: 'thongke' }).close();
      if (process.getuid?.() === 0) chownTree(home, NOBODY);
      const locked = path.join(folder, 'Loc An.xlsx');
      const bytes = fs.readFileSync(locked);
      fs.chmodSync(locked, 0o000);
      if (process.getuid?.() === 0) fs.chownSync(locked, 0, 0);

      const r = runBieuUnprivileged(home, 'collect', doc, '--table', TABLE_NAME, folder);
      expect(r.code).toBe(1);
      const sentence =
        'Không mở được tệp «Loc An.xlsx»: tệp đang bị chương trình khác (như Excel) giữ hoặc không có quyền đọc; hãy đóng tệp rồi tổng hợp lại.';
      expect(r.stderr.trim().split('\n')).toEqual([sentence]);
      expect(r.stdout).toContain('CHƯA GỬI: Xã Lộc An');

      const applied = runBieuUnprivileged(
        home,
        'collect',
        doc,
        '--table',
        TABLE_NAME,
        folder,
        '--apply',
        '--json',
      );
      const report = JSON.parse(applied.stdout) as Report;
      expect(report.unreadable.map((x) => [path.basename(x.file), x.message])).toEqual([
        ['Loc An.xlsx', sentence],
      ]);
      const status = Object.fromEntries(report.units.map((u) => [u.unit, u.status]));
      expect(status['Xã Lộc An']).toBe('missing');
      expect(report.units.filter((u) => u.status === 'received')).toHaveLength(13);
      const store = DocumentStore.openReadOnlyCopy(doc, { user: 'thongke' });
      try {
        const table = store.tableByName(TABLE_NAME)!;
        const figures = (unit: string) =>
          table.rows.find((row) => row.cells[1] === unit)!.cells.slice(2);
        expect(figures('Xã Lộc An')).toEqual(Array(7).fill(null));
        expect(figures('Xã Lộc Hòa')).toEqual(unitFigures('Xã Lộc Hòa'));
      } finally {
        store.close();
      }
      fs.chmodSync(locked, 0o644);
      expect(fs.readFileSync(locked).equals(bytes)).toBe(true);
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it('a table the document does not have: one sentence, exit 2', () => {
    const doc = newDistrict('ten-bieu.bieu');
    const r = bieu('collect', doc, '--table', 'Biểu 9', returned);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('Tài liệu «ten-bieu.bieu» không có biểu «Biểu 9».');
  });
});

function chownTree(root: string, uid: number): void {
  fs.chownSync(root, uid, uid);
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const p = path.join(root, entry.name);
    if (entry.isDirectory()) chownTree(p, uid);
    else fs.chownSync(p, uid, uid);
  }
}
