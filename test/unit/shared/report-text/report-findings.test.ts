/**
 * Everything a Word report's text is checked for, as `bieu check` and the import preview both ask
 * for it: the arithmetic its sentences state first, then the figures it states of its own tables'
 * cells that disagree with them. Each half is tested on its own in
 * test/unit/report-text.test.ts and test/unit/shared/report-text/text-links.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { detectTables } from '../../../../shared/import/detect-tables';
import { gridFromValues } from '../../../../shared/import/sheet-grid';
import { reportTextFindings } from '../../../../shared/report-text/report-findings';
import { CODE_ROW, FLAT_HEADER, TITLE, unitFigures } from '../../helpers/collect/district';

/** The report's table as Word gives it: title, header, code row, two communes. */
function reportTable() {
  return detectTables(
    gridFromValues('Bảng 1', [
      [TITLE],
      [],
      FLAT_HEADER,
      CODE_ROW,
      ['1', 'Xã Lộc Hòa', ...unitFigures('Xã Lộc Hòa')],
      ['2', 'Xã Lộc Tấn', ...unitFigures('Xã Lộc Tấn')],
    ]),
  );
}

describe('reportTextFindings', () => {
  it('gives the slips of arithmetic, then the figures that disagree with the tables', () => {
    const participants = unitFigures('Xã Lộc Hòa')[5];
    const paragraphs = [
      'Năm 2023, toàn xã có 21 hộ (14 hộ nghèo, 4 hộ cận nghèo, 2 hộ thoát nghèo).',
      `Xã Lộc Hòa có ${participants + 10} người tham gia học tập.`,
    ];
    const found = reportTextFindings(paragraphs, reportTable());
    expect(found.map((f) => [f.paragraph, f.expected, f.actual])).toEqual([
      [1, 20, 21],
      [2, participants, participants + 10],
    ]);
    expect(found[1].cell).not.toBe('');
  });

  it('finds nothing in a report whose text agrees with itself and its tables', () => {
    const paragraphs = [`Xã Lộc Tấn có ${unitFigures('Xã Lộc Tấn')[5]} người tham gia học tập.`];
    expect(reportTextFindings(paragraphs, reportTable())).toEqual([]);
    expect(reportTextFindings([], [])).toEqual([]);
  });
});
