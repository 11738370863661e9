/**
 * The fixture tables of test/fixtures against its expected.json: exactly these findings, with
 * their kind, cause and suggestion, and nothing else.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkTable } from '../../shared/checks/engine';
import { cdhtTheoNhom, danSoAddress, danSoHoNgheo } from './checks-tables';

interface ExpectedFinding {
  sheet: string;
  cell: string;
  kind: string;
  cause?: string;
  suggest?: { cell: string; value: number };
}

const expected = JSON.parse(
  readFileSync(fileURLToPath(new URL('../fixtures/expected.json', import.meta.url)), 'utf8'),
) as { files: Record<string, { findings: ExpectedFinding[] }> };

describe('dan-so-ho-ngheo.xlsx', () => {
  const findings = checkTable(danSoHoNgheo(), { addressOf: danSoAddress, sheet: 'Dân số' });

  it('reports exactly the findings of expected.json', () => {
    const want = expected.files['dan-so-ho-ngheo.xlsx'].findings;
    const counted = findings.filter((f) => f.severity !== 'info');
    expect(counted.map((f) => `${f.sheet}!${f.cell}:${f.kind}`).sort()).toEqual(
      want.map((f) => `${f.sheet}!${f.cell}:${f.kind}`).sort(),
    );
    for (const w of want) {
      const f = counted.find((x) => x.cell === w.cell && x.kind === w.kind)!;
      if (w.cause) expect(f.cause, w.cell).toBe(w.cause);
      if (w.suggest)
        expect(
          f.suggestion && { cell: f.suggestion.cell, value: f.suggestion.value },
          w.cell,
        ).toEqual(w.suggest);
    }
  });

  it('says each finding in Vietnamese with both values and the difference', () => {
    const byCell = new Map(findings.map((f) => [`${f.cell}:${f.kind}`, f]));
    expect(byCell.get('C13:row-formula')).toMatchObject({
      id: 'Dân số:row-formula:C13',
      severity: 'error',
      table: 'Dân số',
      cells: ['C13', 'D13', 'E13'],
      expected: 7348,
      actual: 7384,
      difference: 36,
      message:
        'Cột 1 phải bằng (2)+(3) = 7.348; đang ghi 7.384 (lệch +36; có thể hai chữ số liền nhau bị đảo chỗ)',
    });
    expect(byCell.get('C18:column-total')).toMatchObject({
      cells: ['C18', 'C13', 'C14', 'C15', 'C16', 'C17'],
      expected: 32041,
      actual: 32005,
      difference: -36,
      message:
        'Dòng «Cộng» của nhóm «II. Khu vực nông thôn» cột 1 phải bằng tổng các dòng trong nhóm = 32.041; đang ghi 32.005 (lệch −36)',
    });
    expect(byCell.get('H14:ratio')).toMatchObject({
      cells: ['H14', 'G14', 'F14'],
      expected: 6.67,
      actual: 6.66,
      difference: -0.01,
      message:
        'Tỷ lệ ở cột 6 phải là 5/4×100 = 6,6667 → 6,67; đang ghi 6,66 (cắt bớt thay vì làm tròn)',
    });
    expect(byCell.get('G15:not-a-number')).toMatchObject({
      cause: null,
      expected: null,
      actual: null,
      difference: null,
      suggestion: null,
      message: 'Ô G15 ở cột số liệu chứa chữ «khoảng 150», không phải số',
    });
    expect(byCell.get('F19:column-total')).toMatchObject({
      cells: ['F19', 'F11', 'F18'],
      expected: 13787,
      actual: 13788,
      difference: 1,
      message:
        'Dòng tổng «Toàn huyện» cột 4 phải bằng tổng các dòng «Cộng» = 13.787; đang ghi 13.788 (lệch +1; có thể gõ nhầm một chữ số)',
      suggestion: { cell: 'F19', value: 13787 },
    });
  });

  it('gives the swapped detail figure as the one change behind both C13 and C18', () => {
    const c13 = findings.find((f) => f.cell === 'C13')!;
    const c18 = findings.find((f) => f.cell === 'C18')!;
    expect(c13.suggestion).toEqual(c18.suggestion);
    expect(c13.suggestion!.reason).toBe(
      'Sửa ô C13 từ 7.384 thành 7.348 (hai chữ số liền nhau bị đảo chỗ) thì cả 2 kiểm tra đang sai đều đúng, không làm sai kiểm tra nào khác',
    );
  });

  it('orders findings by row, then column', () => {
    expect(findings.map((f) => f.cell)).toEqual(['C13', 'H14', 'G15', 'C18', 'F19']);
  });

  it('uses the exported layout when no addresses are given', () => {
    // One header level above the labels: header rows 8–9, code row 10, data from row 11.
    const cells = checkTable(danSoHoNgheo()).map((f) => `${f.sheet}!${f.cell}`);
    expect(cells).toEqual(['Dân số!C16', 'Dân số!H17', 'Dân số!G18', 'Dân số!C21', 'Dân số!F22']);
  });
});

describe('cdht-theo-nhom.xlsx', () => {
  it('is consistent: no findings', () => {
    expect(expected.files['cdht-theo-nhom.xlsx'].findings).toEqual([]);
    expect(checkTable(cdhtTheoNhom())).toEqual([]);
  });

  it('does check it: a changed commune figure is caught by its row and the total', () => {
    const table = cdhtTheoNhom();
    table.rows[3].cells[2] = 61; // Lộc Tấn, Nhóm I Đạt: 60 → 61
    const findings = checkTable(table);
    expect(findings.map((f) => `${f.cell}:${f.kind}`)).toEqual([
      'K14:row-formula',
      'C27:column-total',
    ]);
    for (const f of findings) expect(f.suggestion).toMatchObject({ cell: 'C14', value: 60 });
  });
});
