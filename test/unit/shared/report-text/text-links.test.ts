/**
 * A figure in a report's text linked to the cell of a table of the same report that holds the
 * same quantity — by the unit the sentence names and the column its words name — and reported
 * when the two disagree; no link where the sentence does not name both, so ordinary sentences
 * and figures of other things stay silent.
 */
import { describe, expect, it } from 'vitest';
import { draftToTable } from '../../../../shared/import/detect-tables';
import { columnLetter } from '../../../../shared/model';
import {
  disagreements,
  linkTextToTables,
  type ReportTable,
} from '../../../../shared/report-text/text-links';
import { districtTable, TABLE_NAME, UNIT_NAMES, unitFigures } from '../../helpers/collect/district';

/** The district table filled in, its total row the sum; cells named as in the table's own grid. */
function district(): ReportTable {
  const draft = districtTable();
  const sums = Array<number>(6).fill(0);
  draft.rows.forEach((row, r) => {
    if (row.role !== 'detail') return;
    const figures = unitFigures(UNIT_NAMES[r]);
    row.cells = [row.cells[0], row.cells[1], ...figures];
    figures.slice(0, 6).forEach((v, i) => (sums[i] += v));
  });
  const total = draft.rows[draft.rows.length - 1];
  total.cells = ['', 'Toàn huyện', ...sums, Math.round((sums[5] / sums[0]) * 10000) / 100];
  return {
    name: TABLE_NAME,
    table: draftToTable(draft),
    addressOf: (row, col) => `${columnLetter(col)}${row + 4}`,
  };
}

const hoa = unitFigures('Xã Lộc Hòa');
/** The district's participants, as its total row states them. */
const participants = UNIT_NAMES.reduce((sum, u) => sum + unitFigures(u)[5], 0);
const ninh = unitFigures('Thị trấn Lộc Ninh');

describe('figures of the text linked to the cells of a table', () => {
  it('links a unit’s figure and the total row the sentence names, and reports the one that disagrees', () => {
    const paragraphs = [
      `Xã Lộc Hòa có ${hoa[5]} người tham gia học tập, tỷ lệ ${String(hoa[6]).replace('.', ',')}%.`,
      `TT. Lộc Ninh có ${ninh[0].toLocaleString('de-DE')} nhân khẩu; toàn huyện có 10.000 người tham gia học tập.`,
    ];
    const links = linkTextToTables(paragraphs, [district()]);
    expect(links.map((l) => [l.paragraph, l.row, l.cell, l.stated, l.value])).toEqual([
      [1, 'Xã Lộc Hòa', 'H5', hoa[5], hoa[5]],
      [1, 'Xã Lộc Hòa', 'I5', hoa[6], hoa[6]],
      [2, 'Thị trấn Lộc Ninh', 'C4', ninh[0], ninh[0]],
      [2, 'Toàn huyện', 'H20', 10_000, participants],
    ]);
    const found = disagreements(links);
    expect(found).toHaveLength(1);
    const total = participants;
    expect(found[0]).toMatchObject({
      kind: 'text',
      paragraph: 2,
      cell: 'H20',
      expected: total,
      actual: 10_000,
    });
    expect(found[0].message).toBe(
      `Đoạn 2: câu văn ghi 10.000 cho «Toàn huyện», biểu «${TABLE_NAME}» ghi ${total.toLocaleString('de-DE')} ở ô H20 (lệch ${10_000 > total ? '+' : '−'}${Math.abs(10_000 - total).toLocaleString('de-DE')}).`,
    );
  });

  it('makes no link where the sentence does not name both the unit and the column', () => {
    const paragraphs = [
      // Another level with the same name, a figure of something the table does not count, a
      // total named only by "toàn xã", a unit named without the column's words.
      'Huyện Lộc Ninh có 5.000 nhân khẩu.',
      'Xã Lộc Hòa có 12 trường học và 3 trạm y tế.',
      'Toàn xã có 21 hộ (14 hộ nghèo, 4 hộ cận nghèo, 2 hộ thoát nghèo).',
      'Xã Lộc An đạt 95 điểm, xếp thứ 2 toàn huyện.',
    ];
    expect(linkTextToTables(paragraphs, [district()])).toEqual([]);
  });
});
