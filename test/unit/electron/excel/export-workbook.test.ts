/**
 * The appendix export, read back with exceljs from real files: where everything stands (the
 * addresses the check engine's findings use), merged headers, the code row, figures as numbers
 * with their formats, live formulas with cached values, findings kept as stated values with a
 * comment, the findings sheet, the page setup, and the file written whole or not at all.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../../shared/api';
import { checkTable } from '../../../../shared/checks/engine';
import { cellAddress, sheetLayout } from '../../../../shared/layout';
import { codeRowText, type Table } from '../../../../shared/model';
import type { DocumentStore } from '../../../../electron/store/document-store';
import { exportDocument, exportPreview } from '../../../../electron/excel/export-document';
import { buildAppendixWorkbook } from '../../../../electron/excel/export-workbook';
import { legalSheetName, SheetNamer } from '../../../../electron/excel/export-sheet-names';
import { excelExpression, sumFormula } from '../../../../electron/excel/export-formulas';
import { parseFormula } from '../../../../shared/checks/formula';
import { headerCells } from '../../../../electron/excel/export-layout';
import {
  appendixMeta,
  attachmentLine,
  formalDate,
  issuingBody,
  placeDateLine,
} from '../../../../electron/excel/export-meta';
import { createSampleDocument } from '../../../lo/appendix-fixtures';

let dir: string;
let store: DocumentStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-export-'));
  store = createSampleDocument(dir);
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function exportAndRead(
  options: Parameters<typeof exportDocument>[2] = {},
): Promise<ExcelJS.Workbook> {
  const out = path.join(dir, 'phu-luc.xlsx');
  await exportDocument(store, out, options);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return wb;
}

function tables(): Table[] {
  return store.listTables().map((t) => store.getTable(t.id));
}

function noteText(cell: ExcelJS.Cell): string {
  const note = cell.note as unknown;
  if (!note) return '';
  if (typeof note === 'string') return note;
  return ((note as { texts?: { text: string }[] }).texts ?? []).map((t) => t.text).join('');
}

/** What a cell shows before any recalculation: its value, or its formula's cached result. */
function shown(cell: ExcelJS.Cell): unknown {
  return cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
}

function mergesOf(ws: ExcelJS.Worksheet): string[] {
  return (ws.model.merges ?? []).slice().sort();
}

describe('the appendix sheet', () => {
  it('has one sheet per table, named after it, then the findings sheet', async () => {
    const wb = await exportAndRead();
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'CDHT theo nhóm',
      'Dân số và tỷ lệ tham gia',
      'Dân số',
      'Kết quả kiểm tra',
    ]);
  });

  it('puts the issuing body, motto, title, attachment line, date and unit in the 7 preamble rows', async () => {
    const ws = (await exportAndRead()).getWorksheet('CDHT theo nhóm')!;
    expect(ws.getCell('A1').value).toBe('ỦY BAN NHÂN DÂN HUYỆN LỘC NINH');
    expect(ws.getCell('A2').value).toBe('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO');
    expect(ws.getCell('A2').font.bold).toBe(true);
    const right = mergesOf(ws).find((m) => m.endsWith('1') && !m.startsWith('A'))!;
    const motto = ws.getCell(right.split(':')[0]);
    expect(motto.value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const subtitle = ws.getCell(right.split(':')[0].replace('1', '2'));
    expect(subtitle.value).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(subtitle.font.underline).toBeTruthy();
    expect(ws.getCell('A4').value).toBe(
      'BIỂU THỐNG KÊ ĐÁNH GIÁ (CHẤM ĐIỂM) TRÊN PHẦN MỀM CÔNG DÂN HỌC TẬP',
    );
    expect(ws.getCell('A4').font).toMatchObject({ bold: true, name: 'Times New Roman' });
    expect(ws.getCell('A5').value).toBe('(Kèm theo Báo cáo số 245/BC-UBND ngày 5/10/2024)');
    expect(ws.getCell('A6').value).toBe('Tính đến ngày 30/9/2024');
    expect(ws.getCell('A7').value).toBe('Đơn vị tính: người');
    expect(mergesOf(ws)).toEqual(expect.arrayContaining(['A4:K4', 'A5:K5', 'A6:K6', 'A7:K7']));
  });

  it('merges the multi-level header and writes the code row where shared/layout.ts says', async () => {
    const ws = (await exportAndRead()).getWorksheet('CDHT theo nhóm')!;
    const table = tables()[0];
    const layout = sheetLayout(table);
    expect(layout).toMatchObject({ headerTop: 8, headerDepth: 2, codeRow: 10, firstDataRow: 11 });
    expect(mergesOf(ws)).toEqual(
      expect.arrayContaining(['A8:A9', 'B8:B9', 'C8:D8', 'E8:F8', 'G8:H8', 'I8:J8', 'K8:K9']),
    );
    expect(ws.getCell('C8').value).toBe('Nhóm I (Nông dân)');
    expect(ws.getCell('C9').value).toBe('Đạt');
    expect(ws.getCell('D9').value).toBe('Chưa đạt');
    expect(ws.getCell('K8').value).toBe('Tổng');
    expect(ws.getCell('C8').font.bold).toBe(true);
    expect(ws.getCell('C8').alignment).toMatchObject({ horizontal: 'center', wrapText: true });
    expect(ws.getCell('C9').border.top?.style).toBe('thin');
    table.columns.forEach((c, i) => expect(ws.getCell(10, i + 1).value).toBe(codeRowText(c)));
    expect(ws.getCell('K10').value).toBe('9=1+2+3+4+5+6+7+8');
  });

  it('writes every figure as a number, with grouping and decimal formats, at the engine’s addresses', async () => {
    const wb = await exportAndRead();
    for (const table of tables()) {
      const ws = wb.getWorksheet(table.name)!;
      const layout = sheetLayout(table);
      table.rows.forEach((row, r) =>
        row.cells.forEach((value, c) => {
          const cell = ws.getCell(cellAddress(layout, r, c));
          expect(shown(cell) ?? null, `${table.name} ${cell.address}`).toEqual(value);
          const column = table.columns[c];
          if (typeof value === 'number' && column.type !== 'text') {
            expect(cell.numFmt).toBe(column.decimals === 2 ? '#,##0.00' : '#,##0');
          }
        }),
      );
    }
    const rate = wb.getWorksheet('Dân số và tỷ lệ tham gia')!.getCell('I11');
    expect(rate.result).toBe(11.86);
    expect(rate.numFmt).toBe('#,##0.00');
  });

  it('writes group, subtotal and total rows bold', async () => {
    const ws = (await exportAndRead()).getWorksheet('Dân số')!;
    expect(ws.getCell('A11').value).toBe('I. Khu vực thành thị');
    expect(ws.getCell('A11').font.bold).toBe(true);
    expect(ws.getCell('C14').font.bold).toBe(true); // Cộng
    expect(ws.getCell('C22').font.bold).toBe(true); // Toàn huyện
    expect(ws.getCell('C12').font.bold).toBeFalsy();
  });

  it('puts place and date and the two signers under the table', async () => {
    const ws = (await exportAndRead()).getWorksheet('Dân số')!;
    const texts = new Map<string, string>();
    ws.eachRow((row, n) => {
      if (n <= 22) return;
      row.eachCell((cell) => texts.set(String(cell.value), cell.address));
    });
    expect([...texts.keys()]).toEqual(
      expect.arrayContaining([
        'Lộc Ninh, ngày 05 tháng 10 năm 2024',
        'Người lập biểu',
        'Thủ trưởng đơn vị',
        'Nguyễn Văn An',
        'Trần Thị Bình',
      ]),
    );
    expect(Number(texts.get('Người lập biểu')!.replace(/\D/g, ''))).toBeGreaterThan(22);
  });

  it('sets up A4 printing: landscape when wide, one page across, header and code rows repeated, page numbers', async () => {
    const wb = await exportAndRead();
    const wide = wb.getWorksheet('CDHT theo nhóm')!;
    expect(wide.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
    });
    expect(wide.pageSetup.printTitlesRow).toMatch(/^\$?8:\$?10$/);
    expect(wide.headerFooter.oddFooter).toContain('&P');
    expect(wb.getWorksheet('Dân số')!.pageSetup.orientation).toBe('portrait');
  });
});

describe('live formulas', () => {
  it('writes row formulas from the column codes and totals as SUM over the rows they cover', async () => {
    const wb = await exportAndRead();
    const cdht = wb.getWorksheet('CDHT theo nhóm')!;
    expect(cdht.getCell('K11').formula).toBe('C11+D11+E11+F11+G11+H11+I11+J11');
    expect(cdht.getCell('K11').result).toBe(1239);
    expect(cdht.getCell('C27').formula).toBe('SUM(C11:C26)');
    expect(cdht.getCell('C27').result).toBe(2133);

    const rate = wb.getWorksheet('Dân số và tỷ lệ tham gia')!;
    expect(rate.getCell('C11').formula).toBe('D11+E11+F11+G11');
    expect(rate.getCell('I11').formula).toBe('ROUND(H11/C11*100,2)');
    // On the total row a rate is recomputed from the row's own figures, never summed.
    expect(rate.getCell('I27').formula).toBe('ROUND(H27/C27*100,2)');
    expect(rate.getCell('I27').result).toBe(4.25);
    expect(rate.getCell('C27').formula).toBe('SUM(C11:C26)');
  });

  it('sums a group into its subtotal and the subtotals into the grand total', async () => {
    const ws = (await exportAndRead()).getWorksheet('Dân số')!;
    expect(ws.getCell('C14').formula).toBe('SUM(C12:C13)');
    expect(ws.getCell('D21').formula).toBe('SUM(D16:D20)');
    expect(ws.getCell('D22').formula).toBe('SUM(D14,D21)');
    expect(ws.getCell('D22').result).toBe(26573);
    expect(ws.getCell('H14').formula).toBe('ROUND(G14/F14*100,2)');
  });

  it('keeps the stated value, without formula and with a comment, wherever the engine has a finding', async () => {
    const wb = await exportAndRead();
    const ws = wb.getWorksheet('Dân số')!;
    const table = tables()[2];
    const findings = checkTable(table);
    expect(findings.map((f) => f.cell)).toEqual(['C16', 'H17', 'G18', 'C21', 'F22']);
    for (const f of findings) {
      const cell = ws.getCell(f.cell);
      expect(cell.type, f.cell).not.toBe(ExcelJS.ValueType.Formula);
      expect(noteText(cell)).toContain(f.message);
    }
    expect(ws.getCell('C16').value).toBe(7384);
    expect(ws.getCell('H17').value).toBe(6.66);
    expect(ws.getCell('G18').value).toBe('khoảng 150');
    // A total over a column holding text is not evaluated by the engine: no formula there either.
    expect(ws.getCell('G21').value).toBe(397);
  });

  it('marks a cell edited into an error, keeps its stated value and every other formula', async () => {
    const table = tables()[1];
    const under7 = table.columns.findIndex((c) => c.code === '2');
    store.setCells([
      {
        tableId: table.id,
        rowId: table.rows[0].id,
        columnId: table.columns[under7].id,
        value: 1465,
      },
    ]);
    const ws = (await exportAndRead({ table: table.name })).getWorksheet(table.name)!;
    expect(ws.getCell('D11').value).toBe(1465);
    // 1 = 2+3+4+5 no longer holds on row 11, and the column total of column 2 is off by 9.
    for (const [address, stated] of [
      ['C11', 10450],
      ['D27', 15307],
    ] as const) {
      const cell = ws.getCell(address);
      expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      expect(cell.value).toBe(stated);
      expect(noteText(cell)).toMatch(/^Lỗi: .*lệch/);
      expect(noteText(cell)).toContain('giữ nguyên số ghi');
    }
    expect(ws.getCell('C12').formula).toBe('D12+E12+F12+G12');
    expect(ws.getCell('E27').formula).toBe('SUM(E11:E26)');
    expect(ws.getCell('I11').formula).toBe('ROUND(H11/C11*100,2)');
  });

  it('rounds a formula to the decimals its column prints (LibreOffice checks what it computes)', async () => {
    const wb = await exportAndRead();
    for (const table of tables()) {
      const ws = wb.getWorksheet(table.name)!;
      const layout = sheetLayout(table);
      table.rows.forEach((_, r) =>
        table.columns.forEach((column, c) => {
          const cell = ws.getCell(cellAddress(layout, r, c));
          if (cell.type !== ExcelJS.ValueType.Formula) return;
          const rounded = new RegExp(`^ROUND\\(.*,${column.decimals}\\)$`);
          if (column.decimals > 0 || cell.formula.includes('/'))
            expect(cell.formula).toMatch(rounded);
          else expect(cell.formula).not.toMatch(/ROUND/);
        }),
      );
    }
  });

  it('writes the stated figure, not a formula, where the figure has more decimals than its column prints', async () => {
    const table = tables()[1];
    const rate = table.columns.findIndex((c) => c.code === '7');
    const joined = table.rows[0].cells[table.columns.findIndex((c) => c.code === '6')] as number;
    const total = table.rows[0].cells[table.columns.findIndex((c) => c.code === '1')] as number;
    const exact = (joined / total) * 100; // 11.866… printed 11,87 — stored with every digit
    store.setCells([
      {
        tableId: table.id,
        rowId: table.rows[0].id,
        columnId: table.columns[rate].id,
        value: exact,
      },
    ]);
    const ws = (await exportAndRead({ table: table.name })).getWorksheet(table.name)!;
    const cell = ws.getCell(cellAddress(sheetLayout(table), 0, rate));
    expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
    expect(cell.value).toBe(exact);
    expect(ws.getCell(cellAddress(sheetLayout(table), 1, rate)).formula).toMatch(/^ROUND\(/);
  });

  it('writes no formula at all with --values-only, and still marks the findings', async () => {
    const wb = await exportAndRead({ valuesOnly: true });
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula)),
      );
    }
    expect(wb.getWorksheet('CDHT theo nhóm')!.getCell('C27').value).toBe(2133);
    expect(noteText(wb.getWorksheet('Dân số')!.getCell('C16'))).toContain('7.384');
  });

  it('translates the code notation with the brackets Excel needs', () => {
    const cell = (code: string) => `${code}9`;
    const f = (text: string) => {
      const parsed = parseFormula(text, { codes: ['1', '2', '3', '4'] });
      if (!parsed.ok) throw new Error(parsed.error.message);
      return excelExpression(parsed.ast, cell);
    };
    expect(f('(1)-(2)')).toBe('19-29');
    expect(f('1-(2+3)')).toBe('19-(29+39)');
    expect(f('(1+2)/3*100')).toBe('(19+29)/39*100');
    expect(f('1/(2*3)')).toBe('19/(29*39)');
    expect(f('1*1,5')).toBe('19*1.5');
    expect(sumFormula(2, [12, 13, 14, 20, 22, 23])).toBe('SUM(C12:C14,C20,C22:C23)');
  });
});

describe('the findings sheet', () => {
  it('lists every finding with table, cell, kind, expected, actual, difference, cause and suggestion', async () => {
    const ws = (await exportAndRead()).getWorksheet('Kết quả kiểm tra')!;
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual([
      'STT',
      'Biểu',
      'Ô',
      'Mức độ',
      'Loại kiểm tra',
      'Giá trị đúng',
      'Giá trị ghi',
      'Chênh lệch',
      'Nguyên nhân',
      'Nội dung',
      'Gợi ý sửa',
    ]);
    const rows = [4, 5, 6, 7, 8].map((n) => (ws.getRow(n).values as unknown[]).slice(1));
    expect(rows.map((r) => r[2])).toEqual(['C16', 'H17', 'G18', 'C21', 'F22']);
    expect(rows[0].slice(0, 9)).toEqual([
      1,
      'Dân số',
      'C16',
      'Lỗi',
      'Công thức theo dòng',
      7348,
      7384,
      36,
      'Đảo chỗ hai chữ số',
    ]);
    expect(rows[1][8]).toBe('Cắt bớt thay vì làm tròn');
    expect(String(rows[0][10])).toMatch(/^C16 → 7\.348/);
    expect(ws.getRow(9).getCell(1).value ?? null).toBeNull();
  });

  it('says so when there is nothing to report', async () => {
    const ws = (await exportAndRead({ table: 'CDHT theo nhóm' })).getWorksheet('Kết quả kiểm tra')!;
    expect(String(ws.getCell('A4').value)).toMatch(/^Không có lỗi/);
  });
});

describe('sheet names', () => {
  it('are legal Excel names: no []:*?/\\, at most 31 characters, unique ignoring case', () => {
    expect(legalSheetName('Biểu 1/2: [dân số]?')).toBe('Biểu 1-2- -dân số--');
    const long = 'Biểu thống kê dân số và tỷ lệ tham gia học tập năm 2024';
    expect(Array.from(legalSheetName(long)).length).toBeLessThanOrEqual(31);
    expect(legalSheetName("'Biểu'")).toBe('’Biểu’');
    expect(legalSheetName('   ')).toBe('Biểu');
    const namer = new SheetNamer();
    expect([
      namer.name(long),
      namer.name(long),
      namer.name('dân số'),
      namer.name('DÂN SỐ'),
    ]).toEqual([
      'Biểu thống kê dân số và tỷ lệ t',
      'Biểu thống kê dân số và tỷ (2)',
      'dân số',
      'DÂN SỐ (2)',
    ]);
  });

  it('keep a table named like the findings sheet apart from it', () => {
    const table = { ...tables()[0], name: 'Kết quả kiểm tra' };
    const built = buildAppendixWorkbook([table], {});
    expect(built.workbook.worksheets.map((w) => w.name)).toEqual([
      'Kết quả kiểm tra',
      'Kết quả kiểm tra (2)',
    ]);
  });
});

describe('writing the file', () => {
  it('replaces an existing file, leaves no temporary file, refuses an unknown table by name', async () => {
    const out = path.join(dir, 'phu-luc.xlsx');
    fs.writeFileSync(out, 'old');
    await exportDocument(store, out);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await expect(exportDocument(store, out, { table: 'Không có' })).rejects.toThrow(UserError);
    await expect(exportDocument(store, out, { table: 'Không có' })).rejects.toThrow(
      /không có biểu «Không có»/,
    );
  });

  it('writes nothing when the folder does not exist', async () => {
    const out = path.join(dir, 'khong-co', 'phu-luc.xlsx');
    await expect(exportDocument(store, out)).rejects.toThrow(/Không có thư mục/);
    expect(fs.existsSync(path.dirname(out))).toBe(false);
  });
});

describe('the header block and the words around the table', () => {
  it('merges three header levels: groups across, labels down to the code row', () => {
    const cells = headerCells([
      { label: 'STT', headerPath: [] },
      { label: 'Nam', headerPath: ['Tổng số', 'Chia ra'] },
      { label: 'Nữ', headerPath: ['Tổng số', 'Chia ra'] },
      { label: 'Cộng', headerPath: ['Tổng số'] },
      { label: 'Đạt', headerPath: ['Nhóm I'] },
    ]);
    const at = (text: string) => cells.find((c) => c.text === text);
    expect(at('STT')).toEqual({ text: 'STT', top: 0, bottom: 2, left: 0, right: 0 });
    expect(at('Tổng số')).toEqual({ text: 'Tổng số', top: 0, bottom: 0, left: 1, right: 3 });
    expect(at('Chia ra')).toEqual({ text: 'Chia ra', top: 1, bottom: 1, left: 1, right: 2 });
    expect(at('Cộng')).toEqual({ text: 'Cộng', top: 1, bottom: 2, left: 3, right: 3 });
    expect(at('Nhóm I')).toEqual({ text: 'Nhóm I', top: 0, bottom: 0, left: 4, right: 4 });
    expect(at('Đạt')).toEqual({ text: 'Đạt', top: 1, bottom: 2, left: 4, right: 4 });
  });

  it('leaves dotted blanks for metadata nobody filled in, as a printed form does', () => {
    const meta = appendixMeta({ agency: '  ', reportNumber: '12/BC-PGDĐT' });
    expect(attachmentLine(meta)).toBe('(Kèm theo Báo cáo số 12/BC-PGDĐT ngày ……/……/……)');
    expect(placeDateLine(meta)).toBe('……, ngày …… tháng …… năm ……');
    expect(issuingBody(meta)).toEqual({ agency: '', office: '' });
    expect(formalDate('2025-02-07')).toBe('ngày 07 tháng 02 năm 2025');
    expect(formalDate('2024-11-30')).toBe('ngày 30 tháng 11 năm 2024');
  });

  it('writes the date line the administrative way whatever way the date was typed', () => {
    for (const typed of [
      '15/10/2024',
      '15-10-2024',
      '15.10.2024',
      ' 15 / 10 / 2024 ',
      'ngày 15 tháng 10 năm 2024',
      'Ngày 15 tháng 10 năm 2024',
      '15 tháng 10 năm 2024',
      '2024-10-15',
    ])
      expect(placeDateLine({ place: 'Lộc Ninh', reportDate: typed }), typed).toBe(
        'Lộc Ninh, ngày 15 tháng 10 năm 2024',
      );
    expect(formalDate('5/2/2025')).toBe('ngày 05 tháng 02 năm 2025');
    expect(attachmentLine({ reportNumber: '12/BC-UBND', reportDate: '05-02-2025' })).toBe(
      '(Kèm theo Báo cáo số 12/BC-UBND ngày 5/2/2025)',
    );
    // What is not a date (a day the month lacks, a year alone) is printed as typed, not guessed.
    expect(formalDate('30/02/2024')).toBe('30/02/2024');
    expect(formalDate('Quý III/2024')).toBe('Quý III/2024');
  });
});

describe('the export preview', () => {
  it('shows the header block fields and the open findings of each table before exporting', () => {
    const preview = exportPreview(store);
    expect(preview.lines).toEqual({
      agency: 'ỦY BAN NHÂN DÂN HUYỆN LỘC NINH',
      office: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO',
      attachment: '(Kèm theo Báo cáo số 245/BC-UBND ngày 5/10/2024)',
      referenceDate: 'Tính đến ngày 30/9/2024',
      placeDate: 'Lộc Ninh, ngày 05 tháng 10 năm 2024',
    });
    expect(preview.tables.map((t) => [t.name, t.errors])).toEqual([
      ['CDHT theo nhóm', 0],
      ['Dân số và tỷ lệ tham gia', 0],
      ['Dân số', 5],
    ]);
  });
});
