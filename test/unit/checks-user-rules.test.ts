/** User rules in the column-code notation, within a table and across tables ("B2.6 = B1.11"). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDocument, DocumentSession } from '../../shared/checks/document';
import { parseUserRule } from '../../shared/checks/user-rule';
import { formatFormula } from '../../shared/checks/formula';
import type { Table } from '../../shared/model';

function template(id: string, name: string): Table {
  const file = fileURLToPath(new URL(`../../resources/templates/${id}.json`, import.meta.url));
  const { table } = JSON.parse(readFileSync(file, 'utf8')) as { table: Omit<Table, 'id'> };
  return {
    ...table,
    name,
    id: 1,
    columns: table.columns.map((c, i) => ({ ...c, id: i + 1 })),
    rows: table.rows.map((r, i) => ({ ...r, id: i + 1 })),
  };
}

/** B1 = CDHT theo nhóm (9 = Tổng), B2 = Dân số và tỷ lệ tham gia (6 = participants). */
const documentTables = () => [
  template('cdht-theo-nhom', 'Biểu 1'),
  template('dan-so-tham-gia', 'Biểu 2'),
];

function written(text: string, codes?: string[]): string {
  const parsed = parseUserRule(text, { codes });
  if (!parsed.ok) return `! ${parsed.error.message} @${parsed.error.position}`;
  const { rule } = parsed;
  const name = (code: string) => {
    const ref = rule.refs[Number(code)];
    return `${ref.table ?? ''}.${ref.column}`;
  };
  const rename = (n: Parameters<typeof formatFormula>[0]): Parameters<typeof formatFormula>[0] =>
    n.type === 'code'
      ? { type: 'code', code: name(n.code) }
      : n.type === 'negate'
        ? { type: 'negate', operand: rename(n.operand) }
        : n.type === 'binary'
          ? { ...n, left: rename(n.left), right: rename(n.right) }
          : n;
  return `${formatFormula(rename(rule.lhs), 'plain')} ${rule.relation} ${formatFormula(rename(rule.rhs), 'plain')}`;
}

describe('the notation', () => {
  it('reads references across tables, bounds and arithmetic', () => {
    expect(written('B2.6 = B1.11')).toBe('B2.6 = B1.11');
    expect(written('B2.6=B1.11')).toBe('B2.6 = B1.11');
    expect(written('B2.1 = B1.3 + B1.4 − B1.5')).toBe('B2.1 = B1.3+B1.4−B1.5');
    expect(written('PL01.(5) ≤ B1.2')).toBe('PL01.5 <= B1.2');
    expect(written('B1.7 >= B1.6 x 2')).toBe('B1.7 >= B1.6×2');
    expect(written('B1.7 => 0,5 * (B1.1 + B1.2)')).toBe('B1.7 >= 0,5×(B1.1+B1.2)');
    expect(written('[Dân số và tỷ lệ tham gia].6 = «CDHT theo nhóm».9')).toBe(
      'Dân số và tỷ lệ tham gia.6 = CDHT theo nhóm.9',
    );
    expect(written('B1.A = B1.A')).toBe('B1.A = B1.A');
  });

  it('reads codes of the table the rule is typed in, as the code row does', () => {
    expect(written('7 = 6/1*100', ['1', '6', '7'])).toBe('.7 = .6/.1×100');
    expect(written('(6) <= (1)')).toBe('.6 <= .1');
    expect(written('6 <= 1 + 100', ['1', '6'])).toBe('.6 <= .1+100');
    expect(written('6 = B1.9', ['6'])).toBe('.6 = B1.9');
  });

  it('says what is wrong, in Vietnamese, and where', () => {
    expect(written('')).toBe('! Quy tắc trống @0');
    expect(written('B2.6 B1.11')).toBe(
      '! Quy tắc cần dấu «=», «≤» hoặc «≥» giữa hai vế: thiếu trước «B1.11» (vị trí 6) @6',
    );
    expect(written('B2.6 + B1.11')).toBe(
      '! Quy tắc cần dấu «=», «≤» hoặc «≥» giữa hai vế: thiếu ở cuối @13',
    );
    expect(written('B2. = B1.11')).toBe('! Thiếu mã cột sau «B2.» (vị trí 4); ví dụ B2.6 @4');
    expect(written('B2 = B1.11')).toBe(
      '! «B2» (vị trí 1): viết tên biểu, dấu chấm rồi mã cột, ví dụ B2.6 @1',
    );
    expect(written('B2.6 = ')).toBe('! Thiếu vế phải sau dấu «=» @6');
    expect(written('= B1.1')).toBe('! Thiếu vế trái trước dấu «=» @1');
    expect(written('B2.6 = B1.1 = B1.2')).toBe('! Quy tắc chỉ có một dấu so sánh (vị trí 13) @13');
    expect(written('B2.6 = (B1.1 + B1.2')).toBe(
      '! Thiếu dấu đóng ngoặc «)» cho dấu mở ngoặc ở vị trí 8 @20',
    );
    expect(written('B2.6 = B1.1 + # ')).toBe(
      '! Ký tự «#» không dùng được trong quy tắc (vị trí 15) @15',
    );
    expect(written('[Dân số.6 = B1.1')).toMatch(/^! /);
    expect(written('«Dân số».6 = B1.1 +')).toBe('! Quy tắc thiếu số hạng ở cuối (vị trí 20) @20');
  });
});

describe('user rules in a document', () => {
  it('B2.6 = B1.9 holds for the templates; a slip is one finding with its suggestion', () => {
    const rules = [{ text: 'B2.6 = B1.9' }];
    expect(checkDocument(documentTables(), [], { userRules: rules })).toEqual([]);
    const tables = documentTables();
    tables[1].rows[0].cells[7] = 1329;
    const found = checkDocument(tables, [], { userRules: rules }).filter(
      (f) => f.kind === 'user-rule',
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      table: 'Biểu 2',
      cell: 'H11',
      expected: 1239,
      actual: 1329,
      cause: 'transposition',
      suggestion: { cell: 'H11', value: 1239 },
      message:
        'Theo quy tắc «B2.6 = B1.9»: cột 6 của biểu «Biểu 2», dòng «Thị trấn Lộc Ninh», phải bằng cột 9 của biểu «Biểu 1» = 1.239; đang ghi 1.329 (lệch +90; có thể hai chữ số liền nhau bị đảo chỗ)',
    });
  });

  it('sums and bounds across tables', () => {
    const tables = documentTables();
    const sum = 'B2.6 = B1.1+B1.2+B1.3+B1.4+B1.5+B1.6+B1.7+B1.8';
    expect(checkDocument(tables, [], { userRules: [{ text: sum }] })).toEqual([]);
    tables[1].rows[2].cells[7] = 30; // Lộc An: 31 → 30 (its rate 0,40 still rounds right)
    const [f] = checkDocument(tables, [], { userRules: [{ text: sum }] }).filter(
      (x) => x.kind === 'user-rule',
    );
    expect(f).toMatchObject({ cell: 'H13', expected: 31, actual: 30, suggestion: { value: 31 } });
    expect(f.message).toMatch(
      /^Theo quy tắc «.*»: cột 6 của biểu «Biểu 2», dòng «Lộc An», phải bằng vế phải = 31; đang ghi 30 \(lệch −1/,
    );
    const bound = checkDocument(documentTables(), [], { userRules: [{ text: 'B2.6 <= B2.1' }] });
    expect(bound).toEqual([]); // participants never exceed the population
    const t2 = documentTables();
    t2[1].rows[4].cells[7] = 6000; // Lộc Thạnh: 6.000 participants of 5.487 people
    const over = checkDocument(t2, [], { userRules: [{ text: 'B2.6 <= B2.1' }] }).filter(
      (x) => x.kind === 'user-rule',
    );
    expect(over.map((x) => [x.cell, x.message])).toEqual([
      [
        'H15',
        'Theo quy tắc «B2.6 <= B2.1»: cột 6 của biểu «Biểu 2», dòng «Lộc Thạnh», không được lớn hơn cột 1 của biểu «Biểu 2» = 5.487; đang ghi 6.000 (vượt 513)',
      ],
    ]);
  });

  it('a rule typed in one table reads its own codes, row by row', () => {
    const tables = documentTables();
    tables[1].rows[3].cells[7] = 800; // Lộc Tấn: more participants; rate 7,84 now stale
    const rules = [{ text: '7 = 6/1*100', table: 'Biểu 2' }];
    const found = checkDocument(tables, [], { userRules: rules }).filter(
      (f) => f.kind === 'user-rule',
    );
    expect(found.map((f) => [f.cell, f.expected, f.actual])).toEqual([['I14', 8.22, 7.84]]);
  });

  it('a rule that does not parse, or names what the document lacks, is a warning', () => {
    const findings = checkDocument(documentTables(), [], {
      userRules: [
        { text: 'B2.6 = B1.' },
        { text: 'B3.6 = B1.9' },
        { text: 'B2.6 = B1.19' },
        { text: '6 = 9' },
        { text: 'B2.6 = 9', table: 'Biểu 9' },
      ],
    });
    expect(findings.map((f) => [f.kind, f.severity, f.message])).toEqual([
      [
        'user-rule',
        'warning',
        'Quy tắc «B2.6 = B1.» không kiểm tra được: Thiếu mã cột sau «B1.» (vị trí 11); ví dụ B1.6',
      ],
      [
        'user-rule',
        'warning',
        'Quy tắc «B3.6 = B1.9» không kiểm tra được: tài liệu không có biểu «B3»',
      ],
      [
        'user-rule',
        'warning',
        'Quy tắc «B2.6 = B1.19» không kiểm tra được: biểu «Biểu 1» không có cột 19',
      ],
      [
        'user-rule',
        'warning',
        'Quy tắc «6 = 9» không kiểm tra được: quy tắc không đọc ô nào của biểu',
      ],
      [
        'user-rule',
        'warning',
        'Quy tắc «B2.6 = 9» không kiểm tra được: tài liệu không có biểu «Biểu 9»',
      ],
    ]);
  });

  it('is re-checked live', () => {
    const tables = documentTables();
    const rules = [{ text: 'B2.6 = B1.9' }, { text: '6 <= 1', table: 'Biểu 2' }];
    const session = new DocumentSession(tables, [], { userRules: rules });
    const fresh = () => checkDocument(structuredClone(tables), [], { userRules: rules });
    for (const [t, r, c, v] of [
      ['Biểu 2', 0, 7, 1329],
      ['Biểu 2', 4, 7, 6000],
      ['Biểu 1', 0, 10, 1329],
      ['Biểu 2', 0, 7, 1239],
      ['Biểu 2', 4, 7, 32],
      ['Biểu 1', 0, 10, 1239],
    ] as const) {
      expect(session.recheckCells(t, [{ row: r, col: c, value: v }]), `${t} ${r},${c}`).toEqual(
        fresh(),
      );
    }
    expect(session.findings()).toEqual([]);
  });
});
