/**
 * Paste: text/plain as TSV, the number convention per column, and aligning a block to
 * a table — the clipboard fixture pasted into an empty copy of its table gives the import's
 * values and findings; header rows, code rows, STT columns and unit names put a block in place.
 * The HTML flavours are paste-html.test.ts's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { checkTable } from '../../shared/checks';
import { draftToTable } from '../../shared/import/detect-tables';
import type { CellValue, Column, Table } from '../../shared/model';
import { alignBlock, pasteIntoTable, type AlignResult } from '../../shared/paste/align-block';
import { parseFigure, parsePaste } from '../../shared/paste/paste-block';
import { parseNumber } from '../../shared/numbers';
import { parseTsv } from '../../shared/paste/tsv';
import { importWorkbook } from '../../electron/excel/read-xlsx';
import { bigTsv, emptyWideTable } from '../bench/paste-bench';

const fixtures = path.resolve(__dirname, '..', 'fixtures');

function apply(table: Table, result: AlignResult): Table {
  const out = structuredClone(table);
  for (let k = 0; k < result.rowsToAdd; k++) {
    out.rows.push({
      id: out.rows.length + 1,
      role: 'detail',
      unitKey: null,
      cells: new Array(out.columns.length).fill(null),
    });
  }
  for (const e of result.edits) out.rows[e.rowIndex].cells[e.columnIndex] = e.value;
  return out;
}

function blank(table: Table, keepColumns: number[] = []): Table {
  const out = structuredClone(table);
  for (const row of out.rows)
    row.cells = row.cells.map((v, c) => (keepColumns.includes(c) ? v : null));
  return out;
}

function column(code: string, label: string, extra: Partial<Column> = {}): Column {
  return {
    id: 0,
    code,
    label,
    headerPath: [],
    type: /^\d+$/.test(code) ? 'integer' : 'text',
    decimals: 0,
    formula: null,
    ...extra,
  };
}

function table(columns: Column[], rows: CellValue[][]): Table {
  return {
    id: 1,
    name: 'Biểu',
    title: '',
    unit: '',
    columns: columns.map((c, i) => ({ ...c, id: i + 1 })),
    rows: rows.map((cells, i) => ({ id: i + 1, role: 'detail', unitKey: null, cells })),
  };
}

describe('TSV', () => {
  it('CRLF and CR become LF; exactly one trailing newline is dropped', () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('a\rb')).toEqual([['a'], ['b']]);
    expect(parseTsv('a\tb')).toEqual([['a', 'b']]); // Google Sheets: no trailing newline
    expect(parseTsv('a\r\n\r\n')).toEqual([['a'], ['']]); // an empty last row is kept
    expect(parseTsv('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
    expect(parseTsv('\r\n')).toEqual([['']]); // one empty cell
    expect(parseTsv('')).toEqual([]);
  });

  it('strips a BOM and pads ragged rows', () => {
    expect(parseTsv('\uFEFFa\tb\tc\nd\n')).toEqual([
      ['a', 'b', 'c'],
      ['d', '', ''],
    ]);
  });

  it('reads a field as quoted only when its closing quote ends the field', () => {
    expect(parseTsv('"Tỷ lệ\nhộ nghèo (%)"\t2\r\n')).toEqual([['Tỷ lệ\nhộ nghèo (%)', '2']]);
    expect(parseTsv('"a ""b"" c"\tx')).toEqual([['a "b" c', 'x']]);
    expect(parseTsv('"Lộc Ninh" cũ\t5')).toEqual([['"Lộc Ninh" cũ', '5']]);
    expect(parseTsv('"\t1\n2\t3')).toEqual([
      ['"', '1'],
      ['2', '3'],
    ]);
    expect(parseTsv('"\t1\n2\t"')).toEqual([['\t1\n2\t']]); // closed at the end: quoted
    expect(parseTsv('"tab\tinside"\t"x"\n"last"')).toEqual([
      ['tab\tinside', 'x'],
      ['last', ''],
    ]);
    expect(parseTsv('"unclosed\tb')).toEqual([['"unclosed', 'b']]);
  });
});

describe('numbers, decided per column', () => {
  it('reads plain figures exactly as parseNumber does, only faster', () => {
    const samples = ['0', '007', '-0', '-5', '1.234', '1,234', '12.345,6', '12,345.6', '1.234.567'];
    samples.push('0.123', '0,5', '.5', ',5', '5.', '5,', '1..2', '1.23', '1,2,3', '1234,5678');
    samples.push('1.2345', '123.456.78', '-1.234,5', '--1', '-', '99999999999999999999', '1e5');
    for (const s of samples)
      for (const c of ['vi', 'en'] as const)
        expect(parseFigure(s, c), `${s} ${c}`).toEqual(parseNumber(s, c));
  });

  it('"-" alone is empty, blanks are null, "khoảng 150" stays text, numbers are numbers', () => {
    const block = parsePaste({ text: '1.234,5\t-\t\tkhoảng 150\t–\r\n' });
    expect(block.values).toEqual([[1234.5, null, null, 'khoảng 150', null]]);
  });

  it('recognises an English-locale column ("2,133", "16.70") beside a Vietnamese one', () => {
    const block = parsePaste({ text: 'Xã A\t2,133\t4.962\r\nXã B\t16.70\t16,70\r\n' });
    expect(block.columns[1].convention).toBe('en');
    expect(block.columns[2].convention).toBe('vi');
    expect(block.values).toEqual([
      ['Xã A', 2133, 4962],
      ['Xã B', 16.7, 16.7],
    ]);
    expect(block.notes.some((n) => n.includes('Cột thứ 2') && n.includes('kiểu tiếng Anh'))).toBe(
      true,
    );
  });

  it('a column of "1.234" follows the document locale and says so', () => {
    const text = 'Xã A\t1.234\r\nXã B\t5.678\r\n';
    const vi = parsePaste({ text });
    expect(vi.values.map((r) => r[1])).toEqual([1234, 5678]);
    expect(vi.columns[1]).toMatchObject({ convention: 'vi', doubtful: true });
    const note = vi.notes.find((n) => n.includes('«1.234»'));
    expect(note).toContain('đọc được cả hai kiểu');
    expect(note).toContain('theo ngôn ngữ của tài liệu');
    expect(note).toContain('«1.234» được đọc là 1234, không phải 1,234');
    const en = parsePaste({ text }, { locale: 'en' });
    expect(en.values.map((r) => r[1])).toEqual([1.234, 5.678]);
  });

  it('a column of "6,312" follows the rest of the block when its columns agree ("0.08": English)', () => {
    const block = parsePaste({ text: 'Lộc Hòa\t6,312\t808\t1,196\t0.08\r\n' });
    expect(block.values).toEqual([['Lộc Hòa', 6312, 808, 1196, 0.08]]);
    expect(block.columns[1]).toMatchObject({ convention: 'en', doubtful: false });
    expect(block.notes.find((n) => n.includes('«6,312»'))).toContain(
      'như cả vùng dán (ví dụ «0.08» ở cột khác chỉ đọc được theo cách này)',
    );
    // Columns that disagree decide nothing for the others: the document's locale, said so.
    const mixed = parsePaste({ text: '6,312\t0.08\t16,70\r\n' });
    expect(mixed.values).toEqual([[6.312, 0.08, 16.7]]);
    expect(mixed.columns[0]).toMatchObject({ convention: 'vi', doubtful: true });
  });

  it('only a guessed column is turned over when the person asks to read the paste again', () => {
    // "1.234" alone: read the document's way, a guess; "0.08" beside "6,312": the block's way.
    const guessed = parsePaste({ text: 'Xã A\t1.234\r\nXã B\t5.678\r\n' });
    expect(guessed.columns[1]).toMatchObject({ convention: 'vi', guessed: true });
    const again = parsePaste({ text: 'Xã A\t1.234\r\nXã B\t5.678\r\n' }, { reread: true });
    expect(again.values.map((r) => r[1])).toEqual([1.234, 5.678]);
    expect(again.notes.find((n) => n.includes('Cột thứ 2'))).toContain(
      'đã đọc lại kiểu tiếng Anh (1,234.5) theo yêu cầu',
    );
    const block = 'Lộc Hòa\t6,312\t16,70\t0.08\r\n';
    // Columns that read one way only are never turned over: "16,70" stays sixteen point seven.
    const mixed = parsePaste({ text: block }, { reread: true });
    expect(mixed.values).toEqual([['Lộc Hòa', 6312, 16.7, 0.08]]);
    expect(parsePaste({ text: block }).values).toEqual([['Lộc Hòa', 6.312, 16.7, 0.08]]);
    // What raw values settle is not a guess.
    expect(parsePaste({ text: '12\t4.962\r\n' }).columns[0].guessed).toBe(false);
  });

  it('a column with both kinds follows the majority and asks for review', () => {
    const block = parsePaste({ text: '4.962\n16,70\n2.133,5\n16.70\n' });
    expect(block.columns[0]).toMatchObject({ convention: 'vi', doubtful: true });
    expect(block.notes.some((n) => n.includes('lẫn hai kiểu'))).toBe(true);
    expect(block.values.map((r) => r[0])).toEqual([4962, 16.7, 2133.5, '16.70']);
  });
});

describe('dan-so-ho-ngheo.clipboard.tsv into an empty copy of its table', () => {
  let imported: Table;
  beforeAll(async () => {
    const { tables } = await importWorkbook(path.join(fixtures, 'dan-so-ho-ngheo.xlsx'));
    imported = draftToTable(tables[0].table);
  });
  const tsv = () => fs.readFileSync(path.join(fixtures, 'dan-so-ho-ngheo.clipboard.tsv'), 'utf8');

  it('gives the values of the import, and so the same findings', () => {
    const empty = blank(imported);
    const result = alignBlock(parsePaste({ text: tsv() }), empty, { rowIndex: 0, columnIndex: 0 });
    expect(result.rowsToAdd).toBe(0);
    expect(result.columns).toBe('position');
    const pasted = apply(empty, result);
    expect(pasted.rows.map((r) => r.cells)).toEqual(imported.rows.map((r) => r.cells));
    const findings = checkTable(imported);
    expect(findings.length).toBeGreaterThan(0);
    expect(checkTable(pasted)).toEqual(findings);
    expect(result.notes).toContain(
      '1 ô dán vào cột số không phải là số (dòng 8, cột 5 («khoảng 150»)): giữ nguyên chữ, phần kiểm tra sẽ báo.',
    );
  });

  it('in one call, as the grid makes it (pasteIntoTable), block notes first', () => {
    const result = pasteIntoTable({ text: tsv(), html: '' }, blank(imported), {
      rowIndex: 0,
      columnIndex: 0,
    });
    expect(apply(blank(imported), result).rows.map((r) => r.cells)).toEqual(
      imported.rows.map((r) => r.cells),
    );
    expect(result.block.flavour).toBe('tsv');
    expect(result.notes.at(-1)).toContain('khoảng 150');
  });

  it('places rows by unit name when the block comes in another order', () => {
    const lines = tsv().replace(/\r\n$/, '').split('\r\n');
    // The communes of the rural group in reverse, written the way another office writes them.
    const rural = lines
      .slice(5, 10)
      .reverse()
      .map((l) => l.replace('Xã ', 'X. '));
    const shuffled = [...lines.slice(0, 5), ...rural, ...lines.slice(10)].join('\r\n') + '\r\n';
    const target = blank(imported, [0, 1]); // names and numbering kept, figures empty
    const result = alignBlock(parsePaste({ text: shuffled }), target, {
      rowIndex: 0,
      columnIndex: 0,
    });
    expect(result.rows).toBe('name');
    expect(result.rowsToAdd).toBe(0);
    const pasted = apply(target, result);
    const figures = (t: Table) => t.rows.map((r) => r.cells.slice(2));
    expect(figures(pasted)).toEqual(figures(imported));
    expect(result.notes.some((n) => n.includes('theo tên đơn vị'))).toBe(true);
  });
});

describe('aligning a block to the table', () => {
  const columns = [
    column('A', 'STT'),
    column('B', 'Đơn vị'),
    column('1', 'Tổng số', { formula: '2+3' }),
    column('2', 'Nam', { headerPath: ['Chia ra'] }),
    column('3', 'Nữ', { headerPath: ['Chia ra'] }),
  ];
  const target = () =>
    table(columns, [
      [1, 'Xã An Phú', null, null, null],
      [2, 'Xã Bình Minh', null, null, null],
    ]);

  it('uses the code row to put columns in place, wherever the focus is, and skips the head', () => {
    // Columns in another order: Nữ before Nam, no STT.
    const text = [
      'Đơn vị\tTổng số\tChia ra\t',
      '\t\tNữ\tNam',
      'B\t1=2+3\t3\t2',
      'Xã An Phú\t30\t20\t10',
      'Xã Bình Minh\t7\t4\t3',
    ].join('\r\n');
    const result = alignBlock(parsePaste({ text }), target(), { rowIndex: 1, columnIndex: 3 });
    expect(result.columns).toBe('code');
    expect(result.codeRow).toBe(2);
    expect(result.headerRows).toEqual([0, 1]);
    expect(result.columnMap).toEqual([1, 2, 4, 3]);
    expect(apply(target(), result).rows.map((r) => r.cells)).toEqual([
      [1, 'Xã An Phú', 30, 10, 20],
      [2, 'Xã Bình Minh', 7, 3, 4],
    ]);
    expect(result.notes[0]).toContain('theo mã cột');
  });

  it('uses header labels when there is no code row, the group telling two "Nam" apart', () => {
    const wide = table(
      [
        column('B', 'Đơn vị'),
        column('1', 'Nam', { headerPath: ['Dân số'] }),
        column('2', 'Nữ', { headerPath: ['Dân số'] }),
        column('3', 'Nam', { headerPath: ['Lao động'] }),
        column('4', 'Nữ', { headerPath: ['Lao động'] }),
      ],
      [
        ['Xã An Phú', null, null, null, null],
        ['Xã Bình Minh', null, null, null, null],
      ],
    );
    const html = `<table>
      <tr><td rowspan=2>Đơn vị</td><td colspan=2>Lao động</td><td colspan=2>Dân số</td></tr>
      <tr><td>Nam</td><td>Nữ</td><td>Nam</td><td>Nữ</td></tr>
      <tr><td>Xã An Phú</td><td>5</td><td>6</td><td>10</td><td>20</td></tr>
      <tr><td>Xã Bình Minh</td><td>1</td><td>2</td><td>3</td><td>4</td></tr></table>`;
    const result = alignBlock(parsePaste({ html }), wide, { rowIndex: 0, columnIndex: 2 });
    expect(result.columns).toBe('label');
    expect(result.columnMap).toEqual([0, 3, 4, 1, 2]);
    expect(apply(wide, result).rows.map((r) => r.cells)).toEqual([
      ['Xã An Phú', 10, 20, 5, 6],
      ['Xã Bình Minh', 3, 4, 1, 2],
    ]);
  });

  it('puts a block that starts with an STT column in the STT column', () => {
    const text = '1\tXã An Phú\t30\t10\t20\r\n2\tXã Bình Minh\t7\t3\t4\r\n';
    const result = alignBlock(parsePaste({ text }), target(), { rowIndex: 0, columnIndex: 2 });
    expect(result.columns).toBe('stt');
    expect(apply(target(), result).rows.map((r) => r.cells)).toEqual([
      [1, 'Xã An Phú', 30, 10, 20],
      [2, 'Xã Bình Minh', 7, 3, 4],
    ]);
  });

  it('a taller block asks for new rows; a wider one says what it leaves out', () => {
    const text = '5\t1\t4\t9\n6\t2\t4\t9\n7\t3\t4\t9\n';
    const result = alignBlock(parsePaste({ text }), target(), { rowIndex: 1, columnIndex: 2 });
    expect(result.columns).toBe('position');
    expect(result.rowsToAdd).toBe(2);
    expect(result.edits.filter((e) => e.rowIndex >= 2)).toHaveLength(6);
    expect(result.notes.some((n) => n.includes('cần thêm 2 dòng mới'))).toBe(true);
    expect(result.notes.some((n) => n.includes('cột thứ 4'))).toBe(true);
    expect(apply(target(), result).rows.map((r) => r.cells)).toEqual([
      [1, 'Xã An Phú', null, null, null],
      [2, 'Xã Bình Minh', 5, 1, 4],
      [null, null, 6, 2, 4],
      [null, null, 7, 3, 4],
    ]);
  });

  it('a unit the table does not have becomes a new row when rows go by name', () => {
    const text = 'Xã Bình Minh\t7\t3\t4\nXã An Phú\t30\t10\t20\nXã Mới\t1\t1\t0\n';
    const result = alignBlock(parsePaste({ text }), target(), { rowIndex: 0, columnIndex: 1 });
    expect(result.rows).toBe('name');
    expect(result.rowsToAdd).toBe(1);
    expect(apply(target(), result).rows.map((r) => r.cells)).toEqual([
      [1, 'Xã An Phú', 30, 10, 20],
      [2, 'Xã Bình Minh', 7, 3, 4],
      [null, 'Xã Mới', 1, 1, 0],
    ]);
    expect(result.notes.some((n) => n.includes('«Xã Mới»'))).toBe(true);
  });

  it('changes only cells whose value changes', () => {
    const full = table(columns, [[1, 'Xã An Phú', 30, 10, 20]]);
    const result = alignBlock(parsePaste({ text: '30\t10\t21' }), full, {
      rowIndex: 0,
      columnIndex: 2,
    });
    expect(result.edits).toEqual([{ rowIndex: 0, columnIndex: 4, value: 21 }]);
  });
});

describe('a 10,000 × 30 block', () => {
  it('parses and aligns (time printed, not asserted)', () => {
    const text = bigTsv();
    const target = emptyWideTable();
    const started = performance.now();
    const block = parsePaste({ text });
    const parsed = performance.now();
    const result = alignBlock(block, target, { rowIndex: 0, columnIndex: 0 });
    const done = performance.now();
    console.log(
      `dán 10.000 × 30 ô TSV (${Math.round(text.length / 1024)} KB): đọc ${Math.round(parsed - started)} ms, đặt vào biểu ${Math.round(done - parsed)} ms, ${result.edits.length} ô`,
    );
    expect(block.values).toHaveLength(10_000);
    expect(result.edits).toHaveLength(300_000);
    expect(result.rowsToAdd).toBe(0);
    expect(result.edits[2]).toEqual({ rowIndex: 0, columnIndex: 2, value: block.values[0][2] });
  });
});
