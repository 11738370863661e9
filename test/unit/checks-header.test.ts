/** Header semantics: "Chia ra", "Trong đó", and "Tổng" columns proposed as sums. */
import { describe, expect, it } from 'vitest';
import { checkTable, CheckSession } from '../../shared/checks/engine';
import { compileRules } from '../../shared/checks/rules';
import { cdhtTheoNhom, col, danSoHoNgheo, makeTable, row } from './checks-tables';

const at = (f: { cell: string; kind: string }) => `${f.cell}:${f.kind}`;

describe('"Tổng số" … "Chia ra": the total is the sum of the parts', () => {
  const people = (formula: string | null, ...rows: (number | null)[][]) =>
    makeTable(
      'Dân số',
      [
        col('A', 'Đơn vị'),
        col('1', 'Tổng số', { formula }),
        col('2', 'Nam', { headerPath: ['Chia ra'] }),
        col('3', 'Nữ', { headerPath: ['Chia ra'] }),
      ],
      rows.map((r, i) => row('detail', `Xã ${i + 1}`, ...r)),
    );

  it('is checked on every row when the code row does not say it', () => {
    const findings = checkTable(people(null, [100, 40, 60], [7384, 3652, 3696]));
    expect(findings.map(at)).toEqual(['B12:header-sum']);
    expect(findings[0]).toMatchObject({
      expected: 7348,
      actual: 7384,
      cause: 'transposition',
      cells: ['B12', 'C12', 'D12'],
      suggestion: { cell: 'B12', value: 7348 },
      message:
        'Cột 1 phải bằng tổng các cột «Chia ra» (2)+(3) = 7.348; đang ghi 7.384 (lệch +36; có thể hai chữ số liền nhau bị đảo chỗ)',
    });
  });

  it('is not checked twice when the code row says the same (1=2+3)', () => {
    const t = people('2+3', [7384, 3652, 3696]);
    expect(compileRules(t).rules.filter((r) => r.kind === 'header-sum')).toEqual([]);
    expect(checkTable(t).map(at)).toEqual(['B11:row-formula']);
    // The fixture's "Tổng số dân" | Chia ra: Nam, Nữ with 1=2+3: no header-sum rule either.
    expect(compileRules(danSoHoNgheo()).rules.some((r) => r.kind === 'header-sum')).toBe(false);
  });

  it('is checked when the code row says something else', () => {
    const t = people('2', [100, 40, 50]);
    expect(checkTable(t).map(at)).toEqual(['B11:row-formula', 'B11:header-sum']);
  });

  it('reads "Tổng số chia ra" over the parts, and a total under a parent "Tổng số"', () => {
    const a = makeTable(
      'A',
      [
        col('A', 'Đơn vị'),
        col('1', 'Số nhân khẩu'),
        col('2', 'Thành thị', { headerPath: ['Tổng số chia ra'] }),
        col('3', 'Nông thôn', { headerPath: ['Tổng số chia ra'] }),
      ],
      [row('detail', 'Xã 1', 10, 4, 5)],
    );
    expect(checkTable(a).map(at)).toEqual(['B11:header-sum']);
    const b = makeTable(
      'B',
      [
        col('A', 'Đơn vị'),
        col('1', 'Cộng', { headerPath: ['Tổng số'] }),
        col('2', 'Nam', { headerPath: ['Tổng số', 'Chia ra'] }),
        col('3', 'Nữ', { headerPath: ['Tổng số', 'Chia ra'] }),
      ],
      [row('detail', 'Xã 1', 10, 4, 5)],
    );
    expect(checkTable(b).map(at)).toEqual(['B12:header-sum']);
  });

  it('is not assumed without a total word, or when a part is a rate', () => {
    const plain = makeTable(
      'Không rõ',
      [
        col('A', 'Đơn vị'),
        col('1', 'Số hộ'),
        col('2', 'Nam', { headerPath: ['Chia ra'] }),
        col('3', 'Nữ', { headerPath: ['Chia ra'] }),
      ],
      [row('detail', 'Xã 1', 10, 4, 5)],
    );
    expect(checkTable(plain)).toEqual([]);
    const rate = makeTable(
      'Tỷ lệ',
      [
        col('A', 'Đơn vị'),
        col('1', 'Tổng số'),
        col('2', 'Số người', { headerPath: ['Chia ra'] }),
        col('3', 'Tỷ lệ (%)', { headerPath: ['Chia ra'], type: 'percent', decimals: 2 }),
      ],
      [row('detail', 'Xã 1', 10, 4, 40)],
    );
    expect(checkTable(rate)).toEqual([]);
  });

  it('covers total rows too, next to the column totals', () => {
    const t = makeTable(
      'Tổng',
      [
        col('A', 'Đơn vị'),
        col('1', 'Tổng số'),
        col('2', 'Nam', { headerPath: ['Chia ra'] }),
        col('3', 'Nữ', { headerPath: ['Chia ra'] }),
      ],
      [
        row('detail', 'Xã 1', 10, 4, 6),
        row('detail', 'Xã 2', 5, 2, 3),
        row('total', 'Toàn huyện', 15, 6, 8),
      ],
    );
    // D12 (Nữ, total) should be 9: the column total and the header sum both say so, one change.
    const findings = checkTable(t);
    expect(findings.map(at)).toEqual(['B13:header-sum', 'D13:column-total']);
    for (const f of findings) expect(f.suggestion).toMatchObject({ cell: 'D13', value: 9 });
  });
});

describe('"Trong đó": each part, and their sum, at most the total', () => {
  const households = (...rows: (number | null)[][]) =>
    makeTable(
      'Hộ',
      [
        col('A', 'Đơn vị'),
        col('1', 'Số hộ'),
        col('2', 'Hộ nghèo', { headerPath: ['Trong đó'] }),
        col('3', 'Hộ cận nghèo', { headerPath: ['Trong đó'] }),
      ],
      rows.map((r, i) => row('detail', `Xã ${i + 1}`, ...r)),
    );

  it('passes parts below the total, equal to it, or blank', () => {
    expect(checkTable(households([21, 14, 4], [10, 10, 0], [5, null, null]))).toEqual([]);
  });

  it('reports a part larger than the total, in the part', () => {
    const findings = checkTable(households([1239, 1329, 4]));
    expect(findings.map(at)).toEqual(['B11:header-sum', 'C11:header-sum']);
    const part = findings[1];
    expect(part).toMatchObject({
      expected: 1239,
      actual: 1329,
      difference: 90,
      cells: ['C11', 'B11'],
    });
    expect(part.message).toBe(
      'Cột 2 («Trong đó») không được lớn hơn cột 1 = 1.239; đang ghi 1.329 (vượt 90; có thể hai chữ số liền nhau bị đảo chỗ)',
    );
  });

  it('reports parts that each fit but together exceed the total, in the total', () => {
    const [f] = checkTable(households([21, 14, 9]));
    expect(f).toMatchObject({ cell: 'B11', kind: 'header-sum', expected: 23, actual: 21 });
    expect(f.message).toBe(
      'Cột 1 phải ít nhất bằng tổng các cột «Trong đó» (2)+(3) = 23; đang ghi 21 (thiếu 2)',
    );
  });

  it('reads a single column "Trong đó: nữ" after its total', () => {
    const t = makeTable(
      'Nữ',
      [col('A', 'Đơn vị'), col('1', 'Số lao động'), col('2', 'Trong đó: nữ')],
      [row('detail', 'Xã 1', 50, 20), row('detail', 'Xã 2', 30, 31)],
    );
    expect(checkTable(t).map(at)).toEqual(['C11:header-sum']);
  });

  it('is re-checked live like every rule', () => {
    const t = households([21, 14, 4]);
    const session = new CheckSession(t);
    expect(session.recheckCells([{ row: 0, col: 2, value: 41 }]).map(at)).toEqual([
      'B11:header-sum',
      'C11:header-sum',
    ]);
    expect(session.recheckCells([{ row: 0, col: 2, value: 14 }])).toEqual([]);
  });
});

describe('a "Tổng" column without formula is proposed as a rule', () => {
  it('when it is the sum of the other figure columns on most rows', () => {
    const t = cdhtTheoNhom();
    t.columns[10].formula = null;
    const session = new CheckSession(t);
    expect(session.findings()).toEqual([]);
    expect(session.proposals).toHaveLength(1);
    expect(session.proposals[0]).toMatchObject({
      kind: 'header-sum',
      table: 'CDHT',
      column: 10,
      code: '9',
      formula: '1+2+3+4+5+6+7+8',
      checked: 17,
      agreeing: 17,
      disagreeing: [],
    });
    expect(session.proposals[0].message).toBe(
      'Cột 9 «Tổng» có vẻ là tổng 9=1+2+3+4+5+6+7+8 (đúng ở cả 17 dòng). Nhận làm quy tắc của biểu?',
    );
  });

  it('listing the rows that disagree, and accepted it is checked like a code-row formula', () => {
    const t = cdhtTheoNhom();
    t.columns[10].formula = null;
    t.rows[3].cells[10] = 764; // Lộc Tấn
    t.rows[5].cells[10] = 45;
    const [p] = new CheckSession(t).proposals;
    expect(p).toMatchObject({ checked: 17, agreeing: 15, disagreeing: [3, 5] });
    expect(p.message).toMatch(/đúng ở 15\/17 dòng; 2 dòng không khớp/);
    t.columns[10].formula = p.formula;
    expect(checkTable(t).map((f) => f.kind)).toEqual([
      'row-formula',
      'row-formula',
      'column-total',
    ]);
  });

  it('siblings under one header: "Số lượt KCB" › Tổng cộng | Ngoại trú | Nội trú', () => {
    const kcb = { headerPath: ['Số lượt KCB'] };
    const t = makeTable(
      'B02',
      [
        col('A', 'Tỉnh'),
        col('1', 'Tổng cộng', kcb),
        col('2', 'Ngoại trú', kcb),
        col('3', 'Nội trú', kcb),
        col('4', 'Tổng chi (triệu đồng)'),
        col('5', 'Ngày ĐTBQ', { type: 'decimal', decimals: 2 }),
      ],
      [
        row('detail', 'Hà Nội', 100, 90, 10, 500, 5.2),
        row('detail', 'Lào Cai', 50, 45, 5, 200, 6.1),
        row('detail', 'Yên Bái', 30, 28, 2, 120, 4.4),
      ],
    );
    const { proposals } = compileRules(t);
    expect(proposals.map((p) => `${p.code}=${p.formula}`)).toEqual(['1=2+3']);
  });

  it('not on too few rows, too little agreement, or all zeros', () => {
    const t = (rows: number[][]) =>
      makeTable(
        'T',
        [col('A', 'Đơn vị'), col('1', 'Nam'), col('2', 'Nữ'), col('3', 'Cộng')],
        rows.map((r, i) => row('detail', `Xã ${i}`, ...r)),
      );
    expect(
      compileRules(
        t([
          [1, 2, 3],
          [2, 2, 4],
        ]),
      ).proposals,
    ).toEqual([]);
    expect(
      compileRules(
        t([
          [1, 2, 3],
          [2, 2, 4],
          [1, 1, 2],
          [1, 1, 9],
          [1, 1, 9],
        ]),
      ).proposals,
    ).toEqual([]);
    expect(
      compileRules(
        t([
          [0, 0, 0],
          [0, 0, 0],
          [0, 0, 0],
        ]),
      ).proposals,
    ).toEqual([]);
    expect(
      compileRules(
        t([
          [1, 2, 3],
          [2, 2, 4],
          [1, 1, 2],
          [5, 5, 10],
          [1, 1, 9],
        ]),
      ).proposals,
    ).toHaveLength(1);
  });
});
