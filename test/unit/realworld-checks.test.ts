/**
 * The check engine on the real workbooks of the folder `realWorld` below, beside the checkout (not in the repository: their
 * licence is unstated), imported as `bieu check` imports them: every table checked with the
 * source file's addresses and its unevaluated formula cells.
 *
 * Every finding the engine gives was compared with the workbook's cells and classified. Only
 * the real problems below may be reported — no false alarm on averages (BQ, ĐTBQ), rates,
 * shares, ranks, "So sánh %", floating-point noise in money, answer options, "Trong đó" rows,
 * repeated comparison rows or code columns — and the real problems that folder's notes name
 * are reported where a rule can see them:
 * - a facility code used twice (10004 for "BVĐK Bắc Hà", which the sequence calls 10005);
 * - item numbers 1 → 1.1 → 1.1.1 whose parents are the sums of their children, with mistyped
 *   numbers ("1.4.1/1.4.2" under 1.3, "7.11" for 7.1.1) reported instead of sums that fail;
 * - a "Trong đó" row larger than its parent (557 under "Bưu phẩm bảo đảm nội tỉnh" = 0);
 * - a value in the wrong unit (1.123.413,8 tỷ đồng in 2016 against 12,7 in 2015).
 * A finding the importer's future improvements make disappear is allowed to; a new one fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../electron/excel/read-xlsx';
import { CheckSession, type CheckOptions } from '../../shared/checks/engine';
import { checkDocument } from '../../shared/checks/document';
import type { Finding } from '../../shared/checks/finding';
import { unevaluatedCells } from '../../shared/unevaluated-cells';
import { draftToTable, sourceAddress, type DetectedTable } from '../../shared/import/detect-tables';

const realWorld = path.resolve(__dirname, '..', '..', '..', 'shared', 'real-world');
const present = fs.existsSync(realWorld);
if (!present) {
  console.log(
    `Bỏ qua kiểm tra các tệp Excel thật: không có thư mục ${realWorld} (../shared/real-world tính từ gốc kho mã).`,
  );
}

/** `sheet!cell:kind` of each finding the workbook may give, and why it is a real problem. */
interface Expected {
  /** Real problems: the engine may report them (an importer change may hide some). */
  allowed: Record<string, string>;
  /** Real problems the folder's notes name: the engine must report them. */
  required?: string[];
}

const magnitude = 'một năm ghi khác đơn vị: gấp hơn 1.000 lần năm bên cạnh';
const EXPECTED: Record<string, Expected> = {
  'Kirito223__KTXH__chitieuNN.xlsx': {
    allowed: {
      'ChitieuNN!F207:magnitude': 'đàn gia cầm «1000 con»: 5,676 / 4,3 rồi 8.750 (ghi theo con)',
      'ChitieuNN!F208:magnitude': 'đàn gà, cùng lỗi',
    },
  },
  'Kirito223__KTXH__giaidoan_huyen.xlsx': { allowed: {} },
  'Kirito223__KTXH__gtsx_dahuoai.xlsx': {
    allowed: {
      'Sheet1!F18:magnitude': magnitude,
      'Sheet1!F19:magnitude': 'nông nghiệp giá thực tế 2016 = 1.123.413,8 tỷ, năm 2015 = 12,7',
      'Sheet1!F20:magnitude': magnitude,
      'Sheet1!F21:magnitude': magnitude,
      'Sheet1!F30:magnitude': magnitude,
      'Sheet1!F31:magnitude': magnitude,
      'Sheet1!BE43:magnitude': 'khối ẩn BD:BK, nguồn của dòng 19–21',
      'Sheet1!BE44:magnitude': magnitude,
      'Sheet1!BE45:magnitude': magnitude,
      'Sheet1!V66:magnitude': 'sầu riêng hạt 2020 = 2,3 tấn giữa 2.746 và 2.494',
      'Sheet1!BF54:magnitude':
        'BE54 không lưu kết quả, nay được tính từ các ô ghi sai đơn vị của cột BE (dòng 43–45)',
    },
    required: ['Sheet1!F19:magnitude'],
  },
  'annv2601__SoLieuBaoCao__BaoCaoB0205DonVi27082018170051.xlsx': {
    allowed: Object.fromEntries([
      ...['D', 'E', 'F', 'H', 'I'].map((c) => [
        `Sheet1!${c}34:column-total`,
        '«Trong đó: Bưu phẩm bảo đảm KT1» lớn hơn dòng «Bưu phẩm bảo đảm nội tỉnh» = 0',
      ]),
      ...['D', 'E', 'F', 'H', 'I'].map((c) => [
        `Sheet1!${c}93:column-total`,
        '«CỘNG I.1» khác tổng các mục 1–11 (I.2 và I.3 thì khớp đúng tổng các mục của chúng)',
      ]),
      ...['D', 'E', 'F', 'H', 'I'].map((c) => [
        `Sheet1!${c}263:column-total`,
        '«CỘNG I.4» ghi 0 trong khi các mục 1, 2 của nó có số liệu',
      ]),
    ]),
    required: ['Sheet1!D34:column-total'],
  },
  'devnhatlong__solieucoban__Bang-1.xlsx': {
    allowed: {
      'TÊN ĐƠN VỊ!A163:numbering': '«4.5.1» dưới mục 4.4 (là 4.4.1)',
      'TÊN ĐƠN VỊ!A166:numbering': '«4.5.2» dưới mục 4.4 (là 4.4.2)',
    },
  },
  'devnhatlong__solieucoban__Bang-4.xlsx': {
    allowed: {
      'TÊN ĐƠN VỊ!A34:numbering': '«1.4.1» dưới mục 1.3 (là 1.3.1)',
      'TÊN ĐƠN VỊ!A37:numbering': '«1.4.2» dưới mục 1.3 (là 1.3.2)',
      'TÊN ĐƠN VỊ!A149:numbering': '«7.11» là 7.1.1',
    },
    required: ['TÊN ĐƠN VỊ!A34:numbering', 'TÊN ĐƠN VỊ!A37:numbering', 'TÊN ĐƠN VỊ!A149:numbering'],
  },
  'hotoancntt15a__ToolBaoCao__B01.00-Su-dung-du-toan-chi-KCB-tai-cac-tinh-TP-(thang-1-8-2023).xlsx':
    { allowed: {} },
  'hotoancntt15a__ToolBaoCao__B02.-Thong-ke-KCB-(thang)_LC.xlsx': { allowed: {} },
  'hotoancntt15a__ToolBaoCao__B02.-Thong-ke-KCB-(thang-1-6).xlsx': { allowed: {} },
  'hotoancntt15a__ToolBaoCao__B04.-Thong-ke-chi-binh-quan-(thang-1-6).xlsx': { allowed: {} },
  'hotoancntt15a__ToolBaoCao__B21.-Theo-doi-chi-tieu-giam-sat-co-ban-(1).xlsx': { allowed: {} },
  'hotoancntt15a__ToolBaoCao__B26.ND75-(30062024).xlsx': { allowed: {} },
  'hotoancntt15a__ToolBaoCao__PHU-LUC-BAO-CAO-THANG.xlsx': { allowed: {} },
  'hotoancntt15a__ToolBaoCao__PHU-LUC-_-BAO-CAO-THANG.xlsx': {
    allowed: {
      'PL 01_MỚI!C6:not-a-number': 'lời dặn «Số thông báo dự kiến chi…» nằm trong ô số liệu',
      'PL 01_MỚI!D6:not-a-number': 'lời dặn «Tiền T- BHTT cột R-B02-10» nằm trong ô số liệu',
      'PL 01_MỚI!A8:duplicate-code': 'mã 10004 dùng hai lần',
    },
    required: ['PL 01_MỚI!A8:duplicate-code'],
  },
  'hotoancntt15a__ToolBaoCao__SO-DU-KIEN-CHI-NAM-2024-BIEU-PL-01-MOI.xlsx': {
    allowed: {
      'PL 01_MỚI!D7:not-a-number': 'lời dặn «Tiền T- BHTT cột R-B02-10» nằm trong ô số liệu',
      'PL 01_MỚI!A9:duplicate-code': 'mã 10004 dùng hai lần («BVĐK Bắc Hà» phải là 10005)',
    },
    required: ['PL 01_MỚI!A9:duplicate-code'],
  },
};

interface Checked {
  detected: DetectedTable;
  session: CheckSession;
  findings: Finding[];
  options: CheckOptions;
}

async function check(name: string): Promise<Checked[]> {
  const { tables } = await importWorkbook(path.join(realWorld, name));
  return tables.map((detected, i) => {
    const options: CheckOptions = {
      sheet: detected.sheet,
      addressOf: (row, col) => sourceAddress(detected, row, col),
      unevaluated: unevaluatedCells(detected),
    };
    const session = new CheckSession(draftToTable(detected.table, i + 1), options);
    return { detected, session, findings: session.findings(), options };
  });
}

const files = present
  ? fs
      .readdirSync(realWorld)
      .filter((f) => f.toLowerCase().endsWith('.xlsx'))
      .sort()
  : [];

const results = new Map<string, Promise<Checked[]>>();
const checked = (name: string) => {
  if (!results.has(name)) results.set(name, check(name));
  return results.get(name)!;
};

describe.skipIf(!present)('checks on real workbooks from Vietnamese offices', () => {
  it('has an expectation for every workbook', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => !(f in EXPECTED))).toEqual([]);
  });

  for (const name of files) {
    it(`${name}: only real problems, and those README names`, async () => {
      const expected = EXPECTED[name] ?? { allowed: {} };
      const findings = (await checked(name)).flatMap((c) => c.findings);
      const keys = findings.map((f) => `${f.sheet}!${f.cell}:${f.kind}`);
      const unexpected = findings.filter(
        (f) => !(`${f.sheet}!${f.cell}:${f.kind}` in expected.allowed),
      );
      expect(
        unexpected.map((f) => `${f.sheet}!${f.cell}:${f.kind} ${f.message}`),
        'false alarms',
      ).toEqual([]);
      for (const key of expected.required ?? []) expect(keys, key).toContain(key);
    }, 30_000);
  }

  const has = (name: string) => files.includes(name);

  // `bieu check` checks the tables of a workbook together, with the links their figures suggest.
  const CROSS_TABLE: Record<string, string[]> = {
    // "PL03b-Bỏ" (dropped) is an older copy of "PL03a ĐC": the same 170 units agree column by
    // column except the national, regional and provincial rows, updated since — real, but no
    // typing slip explains them: listed to review, never counted as errors.
    'hotoancntt15a__ToolBaoCao__PHU-LUC-BAO-CAO-THANG.xlsx': ['C', 'D', 'E', 'F', 'G'].flatMap(
      (c) => [2, 3, 4].map((r) => `PL03b-Bỏ!${c}${r}`),
    ),
    'hotoancntt15a__ToolBaoCao__PHU-LUC-_-BAO-CAO-THANG.xlsx': [],
  };
  for (const [name, cells] of Object.entries(CROSS_TABLE)) {
    it.runIf(has(name))(
      `${name}: the links between its tables disagree only where real`,
      async () => {
        const tables = await checked(name);
        const findings = checkDocument(
          tables.map((t) => t.session.table),
          [],
          { discover: true, tableOptions: (_, i) => tables[i].options },
        ).filter((f) => f.kind === 'cross-table');
        for (const f of findings)
          expect(f.severity).toBe(
            f.cause === 'transposition' || f.cause === 'typo' ? 'warning' : 'review',
          );
        expect(findings.map((f) => `${f.sheet}!${f.cell}`).sort()).toEqual([...cells].sort());
      },
    );
  }

  it.runIf(has('hotoancntt15a__ToolBaoCao__SO-DU-KIEN-CHI-NAM-2024-BIEU-PL-01-MOI.xlsx'))(
    'names the free code of a facility code used twice',
    async () => {
      const [t] = await checked(
        'hotoancntt15a__ToolBaoCao__SO-DU-KIEN-CHI-NAM-2024-BIEU-PL-01-MOI.xlsx',
      );
      const f = t.findings.find((x) => x.cell === 'A9')!;
      expect(f.severity).toBe('warning');
      expect(f.message).toBe(
        'Mã «10004» đã dùng ở ô A8 («BVĐK Bảo Yên»): mỗi đơn vị phải có một mã riêng; theo thứ tự các mã, có lẽ là «10005»',
      );
    },
  );

  it.runIf(has('devnhatlong__solieucoban__Bang-4.xlsx'))(
    'reads mistyped item numbers as the sequence calls for, so every parent is the sum of its children',
    async () => {
      const [t] = await checked('devnhatlong__solieucoban__Bang-4.xlsx');
      expect(t.findings.map((f) => f.message)).toEqual([
        'Số thứ tự «1.4.1» không theo thứ tự (dòng này đứng sau mục 1.3): có lẽ là «1.3.1». Khi kiểm tra tổng, Biểu tính dòng này là mục 1.3.1.',
        'Số thứ tự «1.4.2» không theo thứ tự (dòng này đứng sau mục 1.3.1): có lẽ là «1.3.2». Khi kiểm tra tổng, Biểu tính dòng này là mục 1.3.2.',
        'Số thứ tự «7.11» có lẽ là «7.1.1» (cùng các chữ số, thiếu hoặc thừa dấu chấm): dòng này đứng ngay sau mục 7.1. Khi kiểm tra tổng, Biểu tính dòng này là mục 7.1.1.',
      ]);
      // The sums are checked (1.3 = 1.3.1 + 1.3.2, 7 = 7.1 + 7.2 + 7.3 …) and hold, and the
      // total adds the seven sections only (60), not every row.
      const sums = t.session.rules.filter((r) => r.key.startsWith('outline:'));
      expect(sums.length).toBeGreaterThanOrEqual(20);
      expect(
        t.session.rules.some((r) => r.kind === 'column-total' && r.key.startsWith('column-total:')),
      ).toBe(true);
    },
  );

  it.runIf(has('devnhatlong__solieucoban__Bang-1.xlsx'))(
    'checks the 33 parent sums of the scoring table, and they hold',
    async () => {
      const [t] = await checked('devnhatlong__solieucoban__Bang-1.xlsx');
      const sums = t.session.rules.filter((r) => r.key.startsWith('outline:'));
      expect(sums.length).toBeGreaterThanOrEqual(33);
      expect(t.findings.every((f) => f.severity === 'warning')).toBe(true);
    },
  );

  it.runIf(has('annv2601__SoLieuBaoCao__BaoCaoB0205DonVi27082018170051.xlsx'))(
    'reports the "Trong đó" row larger than its row, and adds only the top items into "Cộng"',
    async () => {
      const [t] = await checked('annv2601__SoLieuBaoCao__BaoCaoB0205DonVi27082018170051.xlsx');
      const part = t.findings.find((f) => f.cell === 'D34')!;
      expect(part).toMatchObject({ severity: 'error', expected: 0, actual: 557 });
      expect(part.message).toBe(
        'Dòng «Trong đó: Bưu phẩm bảo đảm KT1» cột 1 không được lớn hơn dòng «- Bưu phẩm bảo đảm nội tỉnh» = 0; đang ghi 557 (vượt 557)',
      );
      // CỘNG I.2 (row 150) and CỘNG I.3 (row 202) are exactly the sums of their numbered items.
      expect(t.findings.filter((f) => /^[A-Z]+(150|202)$/.test(f.cell))).toEqual([]);
      // CỘNG I.1 (row 93) fails in every column while I.2 and I.3 hold: weak evidence, "Cần xem".
      const i1 = t.findings.find((f) => f.cell === 'D93')!;
      expect(i1).toMatchObject({ severity: 'review', expected: 359028, actual: 133740 });
    },
  );

  it.runIf(has('Kirito223__KTXH__gtsx_dahuoai.xlsx'))(
    'reports the 2016 figure entered in another unit, not the years that follow it',
    async () => {
      const [t] = await checked('Kirito223__KTXH__gtsx_dahuoai.xlsx');
      const f = t.findings.find((x) => x.cell === 'F19')!;
      expect(f.severity).toBe('warning');
      expect(f.message).toBe(
        'Ô F19 («TH 2016») = 1.123.413,83 gấp khoảng 88.000 lần ô E19 («TH 2015») = 12,75: có thể ghi nhầm đơn vị tính',
      );
      expect(t.findings.some((x) => /^[GHI]19$/.test(x.cell))).toBe(false);
    },
  );

  it.runIf(has('hotoancntt15a__ToolBaoCao__B02.-Thong-ke-KCB-(thang-1-6).xlsx'))(
    'checks the national row of money columns against the provinces (noise is not an error)',
    async () => {
      const [t] = await checked('hotoancntt15a__ToolBaoCao__B02.-Thong-ke-KCB-(thang-1-6).xlsx');
      const totals = t.session.rules.filter((r) => r.kind === 'column-total');
      expect(totals.length).toBeGreaterThan(5);
      expect(t.findings).toEqual([]);
    },
  );

  it.runIf(has('hotoancntt15a__ToolBaoCao__B04.-Thong-ke-chi-binh-quan-(thang-1-6).xlsx'))(
    'never adds a table of averages into its national and regional rows',
    async () => {
      const [t] = await checked(
        'hotoancntt15a__ToolBaoCao__B04.-Thong-ke-chi-binh-quan-(thang-1-6).xlsx',
      );
      expect(t.session.rules.filter((r) => r.kind === 'column-total')).toEqual([]);
    },
  );

  it.runIf(has('Kirito223__KTXH__giaidoan_huyen.xlsx'))(
    'computes the formulas saved without a result, and reads none it cannot compute as zero',
    async () => {
      const [t] = await checked('Kirito223__KTXH__giaidoan_huyen.xlsx');
      // Of 14,703 formulas saved as 0, those left are #DIV/0! over the template's empty cells.
      expect(t.detected.unevaluated.length).toBeLessThan(1_500);
      expect(t.findings).toEqual([]);
    },
  );
});
