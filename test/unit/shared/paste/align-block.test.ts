/**
 * The paste aligner reads a pasted code row with the table's own notation of a code-row entry
 * (COLUMN_CODE_ENTRY in shared/table-words.ts), as the importer does. The rest of the aligner
 * (header labels, STT, unit names, the clipboard fixture) is tested in test/unit/paste.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Table } from '../../../../shared/model';
import { alignBlock } from '../../../../shared/paste/align-block';
import { parsePaste } from '../../../../shared/paste/paste-block';

const target: Table = {
  id: 1,
  name: 'Biểu',
  title: '',
  unit: '',
  columns: [
    ['A', 'STT'],
    ['B', 'Đơn vị'],
    ['1', 'Tổng số'],
    ['2', 'Nam'],
    ['3', 'Nữ'],
  ].map(([code, label], i) => ({
    ...{ id: i + 1, code, label, headerPath: [], decimals: 0, formula: null },
    type: /^\d+$/.test(code) ? 'integer' : 'text',
  })),
  rows: [
    { id: 1, role: 'detail', unitKey: null, cells: [1, 'Xã An Phú', null, null, null] },
    { id: 2, role: 'detail', unitKey: null, cells: [2, 'Xã Bình Minh', null, null, null] },
  ],
};

const paste = (lines: string[]) =>
  alignBlock(parsePaste({ text: lines.join('\r\n') }), target, { rowIndex: 0, columnIndex: 1 });

describe('a pasted code row', () => {
  it('is read when its letter codes are written in small letters, as many forms do', () => {
    const result = paste(['b\t(1)=(2)+(3)\t(3)\t(2)', 'Xã An Phú\t30\t20\t10']);
    expect(result.columns).toBe('code');
    expect(result.codeRow).toBe(0);
    expect(result.columnMap).toEqual([1, 2, 4, 3]);
    expect(result.edits.map((e) => [e.rowIndex, e.columnIndex, e.value])).toEqual([
      [0, 2, 30],
      [0, 4, 20],
      [0, 3, 10],
    ]);
  });

  it('is not a code row when an entry after "=" is a word, not a sum of codes', () => {
    const result = paste(['B\t1=2+3\t3\t2=Nam', 'Xã An Phú\t30\t20\t10']);
    expect(result.columns).not.toBe('code');
    expect(result.codeRow).toBeNull();
  });
});
