/**
 * A heading row that carries the sum of its block (../heading-blocks.ts): "4 - Tài sản cố định
 * khác" with 5 items counted where 489 are listed under it. The relation is the table's own,
 * found in its figures, so each failure is judged by how often it holds over all the headings
 * of that form (evidence.ts): established, an error; weakly, "Cần xem".
 */
import type { Claim, Rule, RuleKind } from '../rule';
import { linearRule } from '../linear-rule';
import { columnName } from './header-sum';
import { comparisonOf, short } from './outline';

export const blockSumKind: RuleKind = {
  name: 'block-sum',
  compile(context) {
    const found = context.headingBlocks();
    if (!found) return [];
    const { table } = context;
    const claim: Claim = {
      basis: 'inferred',
      said: 'các dòng tiêu đề cùng dạng bằng tổng các dòng bên dưới chúng',
      over: 'ô',
    };
    const rules: Rule[] = [];
    for (const [h, block] of found.blocks) {
      const label = short(context.rowLabel(h));
      for (const col of found.columns) {
        const column = table.columns[col];
        // A heading or a block left blank says nothing: only cells that can hold are checked.
        if (typeof table.rows[h].cells[col] !== 'number') continue;
        if (!block.some((r) => typeof table.rows[r].cells[col] === 'number')) continue;
        rules.push(
          linearRule({
            key: `block:${h}:${col}`,
            kind: 'column-total',
            target: { row: h, col },
            terms: block.map((r) => ({ cell: { row: r, col }, coefficient: 1 })),
            constant: 0,
            precision: 'exact',
            comparison: comparisonOf(context, col, block.length, false),
            description: {
              kind: 'column-total',
              columnCode: columnName(column, col),
              role: 'subtotal',
              rowLabel: label,
              covers: {
                what: 'block',
                rows: block.length,
                groupLabel: null,
                subtotalLabel: null,
              },
            },
            claims: [claim],
          }),
        );
      }
    }
    return rules;
  },
};
