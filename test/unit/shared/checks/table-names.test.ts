/**
 * A link or a typed rule names a table by its name or by the short code reports number tables
 * with ("Biểu 2", "Biểu số 02", "PL 01"); a code two tables share is a sentence asking for the
 * name. Rules naming tables are tested in test/unit/checks-cross-table.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { resolveTable, tableCode } from '../../../../shared/checks/table-names';
import type { Table } from '../../../../shared/model';

const named = (...names: string[]) =>
  names.map((name, i) => ({ id: i + 1, name }) as unknown as Table);

describe('table names', () => {
  it('reads the short code however it is written', () => {
    for (const [name, code] of [
      ['Biểu 2', 'b2'],
      ['Biểu số 02', 'b2'],
      ['BIỂU SỐ 2a', 'b2a'],
      ['Mẫu 2', 'b2'],
      ['Bảng 3: Dân số', 'b3'],
      ['Phụ lục 01', 'pl1'],
      ['PL 01', 'pl1'],
      ['B2', 'b2'],
    ])
      expect(tableCode(name), name).toBe(code);
    expect(tableCode('Dân số và tỷ lệ tham gia')).toBeNull();
  });

  it('finds a table by name first, then by its code, and says why when it cannot', () => {
    const tables = named('Biểu 1 - Dân số', 'Biểu 02 - Hộ nghèo', 'Phụ lục 1', 'Phụ lục 01 (cũ)');
    expect(resolveTable(tables, 'Biểu 02 - Hộ nghèo')).toBe(1);
    expect(resolveTable(tables, 'biểu 02  -  hộ nghèo')).toBe(1);
    expect(resolveTable(tables, 'Biểu số 2')).toBe(1);
    expect(resolveTable(tables, 'PL1')).toBe(
      '«PL1» có thể là «Phụ lục 1» hoặc «Phụ lục 01 (cũ)»; hãy ghi tên biểu',
    );
    expect(resolveTable(tables, 'Biểu 9')).toBe('tài liệu không có biểu «Biểu 9»');
  });
});
