import { describe, expect, it } from 'vitest';
import { checkTable, CheckSession } from '../../shared/checks/engine';
import { compileRules } from '../../shared/checks/rules';
import { isRateColumn } from '../../shared/checks/table-context';
import type { Table } from '../../shared/model';
import { col, danSoAddress, danSoHoNgheo, makeTable, row } from './checks-tables';

const at = (f: { cell: string; kind: string }) => `${f.cell}:${f.kind}`;

/** A unit column, a count, a part of it and the part's rate: "3=2/1*100". */
function rateTable(
  decimals: number,
  ...rows: [number | null, number | null, number | null][]
): Table {
  return makeTable(
    'Tỷ lệ',
    [
      col('A', 'Đơn vị'),
      col('1', 'Số người'),
      col('2', 'Đạt'),
      col('3', 'Tỷ lệ đạt (%)', { type: 'percent', decimals, formula: '2/1*100' }),
    ],
    rows.map((r, i) => row('detail', `Xã ${i + 1}`, ...r)),
  );
}

describe('ratios against printed precision', () => {
  it('88,88 for 8/9 fails as truncation; 88,89 passes', () => {
    const findings = checkTable(rateTable(2, [9, 8, 88.88], [9, 8, 88.89]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      kind: 'ratio',
      cause: 'truncation',
      expected: 88.89,
      actual: 88.88,
    });
    expect(findings[0].message).toBe(
      'Tỷ lệ ở cột 3 phải là 2/1×100 = 88,8889 → 88,89; đang ghi 88,88 (cắt bớt thay vì làm tròn)',
    );
    expect(findings[0].suggestion).toMatchObject({ cell: findings[0].cell, value: 88.89 });
  });

  it('16,70 for 1.329/7.958 passes', () => {
    expect(checkTable(rateTable(2, [7958, 1329, 16.7]))).toEqual([]);
  });

  it('a difference of exactly half a unit of the last digit passes', () => {
    // 1/8 × 100 = 12,5: printed with no decimals, 12 and 13 are both within half a unit.
    expect(checkTable(rateTable(0, [8, 1, 12], [8, 1, 13]))).toEqual([]);
    // 201/200 × 100 = 100,5 (and 1,005 / 0,125-style binary edges at two decimals).
    expect(
      checkTable(rateTable(2, [200, 201, 100.495], [200, 201, 100.505], [8000, 1, 0.0175])),
    ).toEqual([]);
    // Just beyond half a unit fails.
    expect(checkTable(rateTable(0, [8, 1, 11.99])).map((f) => f.kind)).toEqual(['ratio']);
    expect(checkTable(rateTable(2, [200, 201, 100.4949])).map((f) => f.kind)).toEqual(['ratio']);
  });

  it('a stale rate is an error without a named cause', () => {
    // 30.125 / 31.042 is 97,05%, printed 96,72%.
    const [f] = checkTable(rateTable(2, [31042, 30125, 96.72]));
    expect(f).toMatchObject({ kind: 'ratio', cause: null, expected: 97.05, difference: -0.33 });
    expect(f.message).toBe(
      'Tỷ lệ ở cột 3 phải là 2/1×100 = 97,0459 → 97,05; đang ghi 96,72 (lệch −0,33)',
    );
  });

  it('one unit off in the last digit is a rounding slip; swapped digits are a transposition', () => {
    const [a, b] = checkTable(rateTable(2, [9, 8, 88.9], [9, 8, 88.98]));
    expect(a.cause).toBe('rounding');
    expect(b.cause).toBe('transposition');
  });

  it('does not evaluate a division by zero', () => {
    expect(checkTable(rateTable(2, [0, 5, 12], [null, null, null]))).toEqual([]);
  });

  it('a blank rate states nothing: no finding; blank figures it reads count as zero', () => {
    // Row 1: 0 % of 10 people with a blank "Đạt" (0) holds; row 2's rate is blank, not a 0.
    expect(checkTable(rateTable(2, [10, null, 0], [10, 5, null]))).toEqual([]);
    // A stated 5 % over a blank "Đạt": the blank counts 0, so 5 % is wrong.
    // With no header groups the data starts on sheet row 10 (shared/layout.ts).
    expect(checkTable(rateTable(2, [10, null, 5])).map((f) => f.cell)).toEqual(['D10']);
  });
});

describe('row formulas on sums', () => {
  const sums = (...rows: (number | string | null)[][]) =>
    makeTable(
      'Dân số',
      [
        col('A', 'Đơn vị'),
        col('1', 'Tổng số', { formula: '2+3+4+5' }),
        col('2', '0–5 tuổi', { headerPath: ['Chia ra'] }),
        col('3', '6–17 tuổi', { headerPath: ['Chia ra'] }),
        col('4', '18–60 tuổi', { headerPath: ['Chia ra'] }),
        col('5', 'Trên 60 tuổi', { headerPath: ['Chia ra'] }),
      ],
      rows.map((r, i) => row('detail', `Xã ${i + 1}`, ...r)),
    );

  it('are exact on integer columns', () => {
    const findings = checkTable(sums([10451, 1456, 7958, 1021, 16], [5482, 1000, 2000, 2000, 483]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      kind: 'row-formula',
      expected: 5483,
      actual: 5482,
      difference: -1,
      cause: 'typo',
    });
    expect(findings[0].message).toBe(
      'Cột 1 phải bằng (2)+(3)+(4)+(5) = 5.483; đang ghi 5.482 (lệch −1; có thể gõ nhầm một chữ số)',
    );
  });

  it('off by one in several rows reads as rounding of figures estimated from proportions', () => {
    const findings = checkTable(
      sums([101, 25, 25, 25, 25], [99, 25, 25, 25, 25], [100, 25, 25, 25, 25]),
    );
    expect(findings.map((f) => [f.difference, f.cause, f.severity])).toEqual([
      [1, 'rounding', 'error'],
      [-1, 'rounding', 'error'],
    ]);
  });

  it('a flipped sign is named', () => {
    expect(checkTable(sums([-100, 25, 25, 25, 25]))[0].cause).toBe('sign');
  });

  it('suggests nothing when several cells could explain a lone failure and none is a slip', () => {
    const [f] = checkTable(sums([130, 25, 25, 25, 25]));
    // Any of the five cells could be changed; none is within one edit, so the stated total is named.
    expect(f.suggestion).toMatchObject({ value: 100, cell: f.cell });
    const [g] = checkTable(sums([100, 25, 52, 25, 25]));
    expect(g.suggestion).toMatchObject({ cell: 'D11', value: 25 });
    expect(g.suggestion!.reason).toMatch(/hai chữ số liền nhau bị đảo chỗ/);
  });

  it('sums of decimals allow for floating point, and blame printed rounding on decimal columns', () => {
    const money = makeTable(
      'Kinh phí',
      [
        col('A', 'Đơn vị'),
        col('1', 'Tổng', { type: 'decimal', decimals: 3, formula: '2+3' }),
        col('2', 'Ngân sách', { type: 'decimal', decimals: 3 }),
        col('3', 'Xã hội hóa', { type: 'decimal', decimals: 3 }),
      ],
      [row('detail', 'Xã 1', 0.3, 0.1, 0.2), row('detail', 'Xã 2', 16342.933, 16000.466, 342.466)],
    );
    const findings = checkTable(money);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      cause: 'rounding',
      severity: 'warning',
      difference: 0.001,
    });
    expect(findings[0].message).toBe(
      'Cột 1 phải bằng (2)+(3) = 16.342,932; đang ghi 16.342,933 (lệch +0,001; chênh lệch do làm tròn)',
    );
  });

  it('reads differences and brackets: (3)=(1)-(2)', () => {
    const t = makeTable(
      'Chênh lệch',
      [
        col('A', 'Đơn vị'),
        col('1', 'Kế hoạch'),
        col('2', 'Thực hiện'),
        col('3', 'Còn lại', { formula: '(1)-(2)' }),
      ],
      [row('detail', 'Xã 1', 100, 60, 40), row('detail', 'Xã 2', 100, 60, 30)],
    );
    expect(checkTable(t).map((f) => [f.cell, f.expected])).toEqual([['D11', 40]]);
  });
});

describe('total rows', () => {
  /** Two groups with subtotals and a grand total, figures consistent. */
  function grouped(): Table {
    return makeTable(
      'Nhóm',
      [
        col('A', 'Đơn vị'),
        col('1', 'Số hộ'),
        col('2', 'Hộ nghèo'),
        col('3', 'Tỷ lệ hộ nghèo', { type: 'decimal', decimals: 2, formula: '2/1*100' }),
        col('4', 'Thu nhập BQ', { type: 'decimal', decimals: 1 }),
        col('5', 'Thứ hạng'),
      ],
      [
        row('group', 'I. Thành thị'),
        row('detail', 'TT A', 100, 10, 10, 5.5, 1),
        row('detail', 'TT B', 200, 10, 5, 4.1, 2),
        row('subtotal', 'Cộng', 300, 20, 6.67, 4.6, null),
        row('group', 'II. Nông thôn'),
        row('detail', 'Xã C', 50, 25, 50, 3.2, 3),
        row('subtotal', 'Cộng', 50, 25, 50, 3.2, null),
        row('total', 'Toàn huyện', 350, 45, 12.86, 4.2, null),
      ],
    );
  }

  it('subtotals cover their group, the grand total the subtotals; rates, averages and ranks are not summed', () => {
    expect(checkTable(grouped())).toEqual([]);
  });

  it('a grand total is checked against the subtotals', () => {
    const t = grouped();
    t.rows[7].cells[1] = 351;
    const findings = checkTable(t);
    // 45/351 is 12,82%: the total row's rate breaks too, and one change explains both.
    expect(findings.map(at)).toEqual(['B17:column-total', 'D17:ratio']);
    expect(findings[0].message).toBe(
      'Dòng tổng «Toàn huyện» cột 1 phải bằng tổng các dòng «Cộng» = 350; đang ghi 351 (lệch +1; có thể gõ nhầm một chữ số)',
    );
    for (const f of findings) expect(f.suggestion).toMatchObject({ cell: 'B17', value: 350 });
  });

  it('a subtotal is checked against its group, and the change that explains it is found', () => {
    const t = grouped();
    t.rows[6].cells[2] = 24; // the group's subtotal of poor households: 25 → 24
    const findings = checkTable(t);
    expect(findings.map(at)).toEqual(['C16:column-total', 'D16:ratio', 'C17:column-total']);
    expect(findings[0].message).toBe(
      'Dòng «Cộng» của nhóm «II. Nông thôn» cột 2 phải bằng tổng các dòng trong nhóm = 25; đang ghi 24 (lệch −1; có thể gõ nhầm một chữ số)',
    );
    for (const f of findings) expect(f.suggestion).toMatchObject({ cell: 'C16', value: 25 });
    expect(findings[0].suggestion!.reason).toMatch(/cả 3 kiểm tra đang sai đều đúng/);
  });

  it('rates on total rows are recomputed from the total row’s own figures', () => {
    const t = grouped();
    t.rows[7].cells[3] = 22.5; // the mean of the rates, not 45/350
    const findings = checkTable(t);
    expect(findings.map(at)).toEqual(['D17:ratio']);
    expect(findings[0].expected).toBe(12.86);
  });

  it('without subtotals the grand total covers every detail row, wherever it stands', () => {
    const t = makeTable(
      'Tổng trên',
      [col('A', 'Đơn vị'), col('1', 'Số người')],
      [
        row('total', 'Tổng cộng', 60),
        row('detail', 'Xã 1', 10),
        row('detail', 'Xã 2', null),
        row('detail', 'Xã 3', 40),
      ],
    );
    const [f] = checkTable(t);
    expect(f).toMatchObject({
      cell: 'B10',
      kind: 'column-total',
      expected: 50,
      actual: 60,
      cells: ['B10', 'B11', 'B12', 'B13'],
    });
    expect(f.message).toMatch(
      /^Dòng tổng «Tổng cộng» cột 1 phải bằng tổng các dòng chi tiết = 50;/,
    );
  });

  it('a subtotal printed above its group covers the rows below it; loose rows join the grand total', () => {
    const t = makeTable(
      'Lẫn',
      [col('A', 'Đơn vị'), col('1', 'Số người')],
      [
        row('detail', 'Xã lẻ', 5),
        row('group', 'Cụm 1'),
        row('subtotal', 'Cộng cụm 1', 30),
        row('detail', 'Xã 1', 10),
        row('detail', 'Xã 2', 20),
        row('total', 'Toàn huyện', 35),
      ],
    );
    expect(checkTable(t)).toEqual([]);
    t.rows[5].cells[1] = 30;
    const [f] = checkTable(t);
    expect(f.message).toMatch(/tổng các dòng «Cộng cụm 1» và các dòng không thuộc nhóm nào = 35/);
  });

  it('knows rate columns by type, formula and header words', () => {
    const base = { type: 'integer' as const, headerPath: [], formula: null };
    expect(isRateColumn({ ...base, label: 'Số hộ' })).toBe(false);
    expect(isRateColumn({ ...base, type: 'percent', label: 'Số hộ' })).toBe(true);
    expect(isRateColumn({ ...base, label: 'Cột 7', formula: '6/3*100' })).toBe(true);
    for (const label of [
      'Tỷ lệ (%)',
      'Tỉ lệ',
      'TỶ TRỌNG',
      'Thu nhập bình quân',
      'Thu nhập BQ',
      '%',
      'So sánh 2024/2023',
      'Thứ hạng',
    ]) {
      expect(isRateColumn({ ...base, label }), label).toBe(true);
    }
    expect(isRateColumn({ ...base, label: 'Nam', headerPath: ['Tỷ lệ (%)'] })).toBe(true);
    expect(isRateColumn({ ...base, label: 'Số hộ nghèo BQL' })).toBe(false);
  });
});

describe('text in figure columns', () => {
  it('is one finding, and no rule reading the cell is evaluated', () => {
    const t = danSoHoNgheo();
    // G15 is text: G18 (the subtotal) and H15 (the rate) read it and would both fail if evaluated.
    t.rows[10].cells[7] = 99; // H18, rate of the subtotal: reads G18, not G15
    t.rows[10].cells[6] = 1; // G18
    const findings = checkTable(t, { addressOf: danSoAddress });
    expect(findings.filter((f) => f.cell === 'G18' || f.cell === 'H15')).toEqual([]);
    expect(findings.find((f) => f.cell === 'G15')!.kind).toBe('not-a-number');
    // The grand total G19 reads G18 and G11 only, so it is evaluated: 71 + 1 ≠ 468.
    expect(findings.map(at)).toContain('G19:column-total');
  });

  it('a blank or whitespace-only string is a blank, not text', () => {
    const t = danSoHoNgheo();
    t.rows[8].cells[6] = '  ';
    expect(checkTable(t, { addressOf: danSoAddress }).map(at)).not.toContain('G16:not-a-number');
  });
});

describe('the cell → rules index and incremental re-checks', () => {
  it('indexes every rule under every cell it reads', () => {
    const session = new CheckSession(danSoHoNgheo());
    const keys = session
      .rulesReading(5, 2)
      .map((r) => r.key)
      .sort();
    expect(keys).toEqual(['column-total:10:2', 'not-a-number:5:2', 'row-formula:5:2']);
    expect(
      session
        .rulesReading(7, 6)
        .map((r) => r.key)
        .sort(),
    ).toEqual(['column-total:10:6', 'not-a-number:7:6', 'ratio:7:7']);
    expect(session.rulesReading(0, 0)).toEqual([]);
    for (const rule of session.rules) {
      for (const cell of rule.reads)
        expect(session.rulesReading(cell.row, cell.col)).toContain(rule);
    }
  });

  it('re-checks only the affected rules and agrees with a full check', () => {
    const table = danSoHoNgheo();
    const session = new CheckSession(table, { addressOf: danSoAddress, sheet: 'Dân số' });
    const fresh = () =>
      checkTable(structuredClone(table), { addressOf: danSoAddress, sheet: 'Dân số' });
    expect(session.findings()).toEqual(fresh());

    const after = session.recheckCells([{ row: 5, col: 2, value: 7348 }]);
    expect(after.map((f) => f.cell)).toEqual(['H14', 'G15', 'F19']);
    expect(after).toEqual(fresh());

    const edits: [number, number, number | string | null][] = [
      [7, 6, 150], // G15 becomes a number: G18 and H15 are evaluated again
      [11, 5, 13787],
      [6, 7, 6.67],
      [2, 3, 4591],
      [8, 6, 'chưa có'],
      [8, 6, null],
      [2, 3, 4590],
    ];
    for (const [r, c, value] of edits) {
      expect(session.recheckCells([{ row: r, col: c, value }]), `${r},${c}=${value}`).toEqual(
        fresh(),
      );
    }
    expect(session.findings()).toEqual([]);
  });

  it('agrees with a full check after any sequence of edits', () => {
    // A small deterministic generator: figures near the current ones, slips, blanks and text.
    let seed = 20240930;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const table = danSoHoNgheo();
    const session = new CheckSession(table, { addressOf: danSoAddress });
    const figureRows = table.rows.flatMap((r, i) => (r.role === 'group' ? [] : [i]));
    let withSuggestion = 0;
    for (let step = 0; step < 200; step++) {
      const r = figureRows[Math.floor(next() * figureRows.length)];
      const c = 2 + Math.floor(next() * 6);
      const old = table.rows[r].cells[c];
      const base = typeof old === 'number' ? old : 100;
      const roll = next();
      const value =
        roll < 0.05
          ? 'không rõ'
          : roll < 0.1
            ? null
            : roll < 0.55
              ? base + Math.round((next() - 0.5) * 4)
              : base;
      const cells = [{ row: r, col: c, value }];
      if (next() < 0.2) cells.push({ row: figureRows[0], col: 2, value: base });
      const got = session.recheckCells(cells);
      withSuggestion = Math.max(withSuggestion, got.filter((f) => f.suggestion).length);
      expect(got, `step ${step}`).toEqual(
        checkTable(structuredClone(table), { addressOf: danSoAddress }),
      );
    }
    expect(withSuggestion).toBeGreaterThan(3); // the walk did reach tables worth suggesting for
  });

  it('re-reads a cell the caller already changed', () => {
    const table = danSoHoNgheo();
    const session = new CheckSession(table);
    table.rows[5].cells[2] = 7348;
    expect(session.findings().map((f) => f.kind)).toContain('row-formula');
    expect(session.recheckCells([{ row: 5, col: 2 }]).map((f) => f.kind)).not.toContain(
      'row-formula',
    );
  });

  it('re-evaluates only the rules reading the changed cells, sums from their previous value', () => {
    const table = danSoHoNgheo();
    const session = new CheckSession(table, { suggestions: false });
    const full: string[] = [];
    const incremental: string[] = [];
    for (const rule of session.rules) {
      const r = rule as {
        evaluate: typeof rule.evaluate;
        reevaluate?: typeof rule.reevaluate;
      };
      const evaluate = rule.evaluate.bind(rule);
      r.evaluate = (cells) => (full.push(rule.key), evaluate(cells));
      const reevaluate = rule.reevaluate?.bind(rule);
      if (reevaluate) r.reevaluate = (...args) => (incremental.push(rule.key), reevaluate(...args));
    }
    session.recheckCells([{ row: 5, col: 2, value: 7348 }]);
    const reading = session.rulesReading(5, 2).map((r) => r.key);
    // Each rule reading C13 runs once; the row formula and the group's sum (both now holding)
    // from their previous result, the not-a-number check in full; nothing else runs.
    expect([...full, ...incremental].sort()).toEqual([...reading].sort());
    expect(incremental.sort()).toEqual(['column-total:10:2', 'row-formula:5:2']);
    expect(session.findings().map((f) => f.suggestion)).toEqual([null, null, null]);
  });

  it('a failure found from a running sum is reported with the figures of a full check', () => {
    const table = danSoHoNgheo();
    const session = new CheckSession(table, { addressOf: danSoAddress });
    session.recheckCells([{ row: 5, col: 3, value: 3653 }]); // D13: 3652 → 3653
    expect(session.findings()).toEqual(
      checkTable(structuredClone(table), { addressOf: danSoAddress }),
    );
  });

  it('locates findings for the grid', () => {
    const session = new CheckSession(danSoHoNgheo());
    const g15 = session.locatedFindings().find((l) => l.finding.kind === 'not-a-number')!;
    expect(g15.target).toEqual({ row: 7, col: 6 });
  });
});

describe('compiling', () => {
  it('reports formulas it cannot compile, in Vietnamese, and checks the rest', () => {
    const t = makeTable(
      'Lỗi',
      [
        col('A', 'Đơn vị'),
        col('1', 'Tổng', { formula: '2+3+' }),
        col('2', 'Nam'),
        col('3', 'Nữ', { formula: 'A+2' }),
        col('4', 'Hộ', { formula: '2+9' }),
      ],
      [row('detail', 'Xã 1', 5, 2, 3, 1)],
    );
    const { problems } = compileRules(t);
    expect(problems.map((p) => p.column)).toEqual([1, 3, 4]);
    expect(problems[0].message).toBe(
      'Công thức cột 1 «2+3+»: Công thức thiếu số hạng ở cuối (vị trí 5)',
    );
    expect(problems[2].message).toMatch(/Mã cột «9» không có trong biểu/);
    expect(new CheckSession(t).problems).toHaveLength(3);
    // Shown as problems of the table: warnings on the code row (no header groups: sheet row 9).
    const findings = checkTable(t);
    expect(findings.map((f) => [f.cell, f.kind, f.severity])).toEqual([
      ['B9', 'row-formula', 'warning'],
      ['D9', 'row-formula', 'warning'],
      ['E9', 'row-formula', 'warning'],
    ]);
    expect(findings[0]).toMatchObject({
      id: 'Lỗi:row-formula:B9',
      cause: null,
      expected: null,
      actual: null,
      difference: null,
      suggestion: null,
      cells: ['B9'],
      message: 'Công thức cột 1 «2+3+»: Công thức thiếu số hạng ở cuối (vị trí 5)',
    });
    // The importer passes the source file's own code-row addresses.
    expect(checkTable(t, { codeRowAddressOf: (c) => `${'ABCDE'[c]}7` }).map((f) => f.cell)).toEqual(
      ['B7', 'D7', 'E7'],
    );
    // The rest is checked: a sum that fails is still reported, after the problems.
    t.columns[4].formula = '2+3';
    expect(checkTable(t).map((f) => `${f.cell}:${f.kind}`)).toEqual([
      'B9:row-formula',
      'D9:row-formula',
      'E10:row-formula',
    ]);
  });

  it('does not sum a product of two columns down a total row, but checks it on details', () => {
    const t = makeTable(
      'Thành tiền',
      [
        col('A', 'Mục'),
        col('1', 'Số lượng'),
        col('2', 'Đơn giá'),
        col('3', 'Thành tiền', { formula: '1*2' }),
      ],
      [
        row('detail', 'Gạo', 10, 3, 30),
        row('detail', 'Muối', 2, 5, 11),
        row('total', 'Cộng', 12, 8, 41),
      ],
    );
    // 2 × 5 ≠ 11 on a detail row; on the total row 12 × 8 ≠ 41 is no error: amounts add, products do not.
    expect(checkTable(t).map(at)).toEqual(['D11:row-formula']);
  });
});
