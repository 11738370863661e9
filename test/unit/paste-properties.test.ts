/**
 * Properties of the clipboard reader (shared/paste/), over generated blocks (fast-check): the
 * TSV reader gives back exactly the cells the grid's copy wrote, whatever they hold; line endings,
 * a BOM and the trailing newline change nothing; what Biểu copies it pastes back — the exact
 * figures through the HTML flavour, the figures as shown through text alone; a column's notation
 * is decided from the column as a whole; and no clipboard content, however odd, makes the reader
 * throw or give a ragged block.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Column, Row, Table } from '../../shared/model';
import { formatNumber, roundDecimal } from '../../shared/numbers';
import { parseHtml } from '../../shared/paste/html-tree';
import { parsePaste } from '../../shared/paste/paste-block';
import { parseTsv } from '../../shared/paste/tsv';
import { copyPayload } from '../../renderer/grid/clipboard';
import { displayOrder } from '../../renderer/grid/display-order';
import { formatTsv } from '../../renderer/grid/tsv';

fc.configureGlobal({ numRuns: 300 });

/** Cell text as people write it, with the characters that make TSV hard. */
const cellText = fc.string({
  unit: fc.constantFrom('a', 'Ộ', 'ơ', '1', '.', ',', ' ', '\t', '\n', '\r', '"', "'", '−'),
  maxLength: 8,
});
const matrix = <T>(cell: fc.Arbitrary<T>) =>
  fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 6 }))
    .chain(([width, height]) =>
      fc.array(fc.array(cell, { minLength: width, maxLength: width }), {
        minLength: height,
        maxLength: height,
      }),
    );

describe('TSV', () => {
  test.prop([matrix(cellText)])('reads back every cell the copy wrote', (cells) => {
    // A line break inside a cell comes back as LF, whichever way it was written.
    const expected = cells.map((row) => row.map((t) => t.replace(/\r\n?/g, '\n')));
    expect(parseTsv(formatTsv(cells))).toEqual(expected);
  });

  const plainText = fc.string({
    unit: fc.constantFrom('a', 'Ộ', '1', '.', ',', ' ', '−', '%'),
    maxLength: 6,
  });
  test.prop([matrix(plainText), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), fc.boolean()])(
    'gives the same rows whatever the line endings, a BOM, or the final newline',
    (cells, newline, bom, trailing) => {
      // A last row of one empty cell is indistinguishable from the final newline itself.
      fc.pre(!(cells.at(-1)!.length === 1 && cells.at(-1)![0] === ''));
      const text =
        (bom ? '\uFEFF' : '') +
        cells.map((row) => row.join('\t')).join(newline) +
        (trailing ? newline : '');
      expect(parseTsv(text)).toEqual(cells);
    },
  );
});

/** A name: letters first and last, so it is text in any column. */
const name = fc.stringMatching(/^[A-Za-zĐđÀ-ỹ][A-Za-zĐđÀ-ỹ .,]{0,12}[A-Za-zĐđÀ-ỹ]$/);
const figure = fc.double({ min: -1e9, max: 1e12, noNaN: true }).map((v) => (v === 0 ? 0 : v));

const tableOf = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }),
    fc.integer({ min: 1, max: 8 }),
  )
  .chain(([decimals, height]) =>
    fc
      .array(
        fc.tuple(
          name,
          fc.array(figure, { minLength: decimals.length, maxLength: decimals.length }),
        ),
        {
          minLength: height,
          maxLength: height,
        },
      )
      .map((rows): Table => {
        const columns: Column[] = [
          {
            id: 1,
            code: 'A',
            label: 'Đơn vị',
            headerPath: [],
            type: 'text',
            decimals: 0,
            formula: null,
          },
          ...decimals.map((d, i): Column => ({
            id: i + 2,
            code: String(i + 1),
            label: `Cột ${i + 1}`,
            headerPath: [],
            type: d > 0 ? 'decimal' : 'integer',
            decimals: d,
            formula: null,
          })),
        ];
        const tableRows: Row[] = rows.map(([unit, values], r) => ({
          id: r + 1,
          role: 'detail',
          unitKey: null,
          cells: [unit, ...values],
        }));
        return { id: 1, name: 'Thử', title: '', unit: '', columns, rows: tableRows };
      }),
  );

describe('copy, then paste', () => {
  const copied = (table: Table) =>
    copyPayload(table, displayOrder(table), {
      top: 0,
      left: 0,
      bottom: table.rows.length - 1,
      right: table.columns.length - 1,
    });

  test.prop([tableOf])(
    'through the HTML flavour gives back every exact figure and name',
    (table) => {
      const { text, html } = copied(table);
      const block = parsePaste({ text, html }, { parseHtml });
      expect(block.flavour).toBe('html');
      expect(block.values).toEqual(
        table.rows.map((r) => r.cells.map((v) => (typeof v === 'string' ? v.trim() : v))),
      );
    },
  );

  test.prop([tableOf])(
    'through text alone gives back the figures as shown, in every column’s notation',
    (table) => {
      const { text } = copied(table);
      const block = parsePaste({ text });
      expect(block.values).toEqual(
        table.rows.map((r) =>
          r.cells.map((v, c) =>
            typeof v === 'number' ? roundDecimal(v, table.columns[c].decimals) : v!.trim(),
          ),
        ),
      );
    },
  );
});

describe('a column’s notation', () => {
  const thousands = fc.array(fc.integer({ min: 1000, max: 10 ** 9 }), {
    minLength: 1,
    maxLength: 8,
  });
  test.prop([thousands, fc.nat(), fc.integer({ min: 1, max: 99 })])(
    'English figures ("6,312") are read as English when one of them can only be English',
    (numbers, at, cents) => {
      // One figure with decimals, "2,133.25", reads only the English way: it decides the column.
      const english = numbers.map((n) => formatNumber(n, 0).replace(/\./g, ','));
      const position = at % (numbers.length + 1);
      const decimal = 2133 + cents / 100;
      english.splice(position, 0, `2,133.${String(cents).padStart(2, '0')}`);
      const block = parsePaste({ text: english.join('\r\n') + '\r\n' });
      const expected: number[] = [...numbers];
      expected.splice(position, 0, decimal);
      expect(block.values.map((row) => row[0])).toEqual(expected);
    },
  );

  test.prop([thousands, fc.nat(), fc.integer({ min: 1, max: 99 })])(
    'Vietnamese figures ("6.312") are read as Vietnamese when one of them can only be Vietnamese',
    (numbers, at, cents) => {
      const vietnamese = numbers.map((n) => formatNumber(n, 0));
      const position = at % (numbers.length + 1);
      vietnamese.splice(position, 0, `2.133,${String(cents).padStart(2, '0')}`);
      const block = parsePaste({ text: vietnamese.join('\r\n') + '\r\n' });
      const expected: number[] = [...numbers];
      expected.splice(position, 0, 2133 + cents / 100);
      expect(block.values.map((row) => row[0])).toEqual(expected);
    },
  );
});

describe('any clipboard', () => {
  const anything = fc.string({ unit: 'grapheme-composite', maxLength: 200 });
  const htmlish = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '<table>',
          '</table>',
          '<tr>',
          '</tr>',
          '<td>',
          '</td>',
          '<td rowspan="3">',
          '<td colspan=2>',
          '<td x:num="12.5">',
          '<br>',
          '<style>td{mso-number-format:"\\@"}</style>',
          '&amp;',
          '&#x1F600;',
          '<!--',
          '-->',
          '<![CDATA[',
        ),
        anything,
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));

  test.prop([anything, htmlish])(
    'is read without throwing, into a rectangular block',
    (text, html) => {
      for (const data of [{ text }, { html }, { text, html }]) {
        const block = parsePaste(data, { parseHtml });
        const width = block.grid.columnCount;
        expect(block.values.every((row) => row.length === width)).toBe(true);
        expect(block.grid.cells.every((row) => row.length === width)).toBe(true);
        expect(block.notes.every((n) => typeof n === 'string')).toBe(true);
      }
    },
  );
});
