/**
 * A text in a figure column ("khoảng 150", "1.234 người"). The importer has already read every
 * string that is a number in the table's convention, so a string in the model is a real
 * non-number: one finding, and every other rule reading the cell is not evaluated.
 */
import { isFigureColumn } from '../../model';
import { isText, type Rule, type RuleKind } from '../rule';

export const notANumberKind: RuleKind = {
  name: 'not-a-number',
  compile({ table }) {
    const rules: Rule[] = [];
    table.rows.forEach((row, r) => {
      if (row.role === 'group') return;
      table.columns.forEach((column, col) => {
        if (!isFigureColumn(column)) return;
        const target = { row: r, col };
        rules.push({
          key: `not-a-number:${r}:${col}`,
          kind: 'not-a-number',
          target,
          reads: [target],
          acceptsText: true,
          comparison: null,
          description: { kind: 'not-a-number', columnCode: column.code },
          evaluate(cells) {
            const value = cells.raw(r, col);
            if (isText(value)) return { status: 'flag', text: value };
            const n = cells.number(r, col);
            return { status: 'pass', stated: n, exact: n, expected: n };
          },
        });
      });
    });
    return rules;
  },
};
