/**
 * A column added by hand (the structure panel's «Thêm cột», the grid's right-click menu): a figure
 * column under the next free code, so five columns added in a row are numbered on in order.
 */
import type { ColumnSpec } from '../../shared/api';
import type { Table } from '../../shared/model';
import { t } from '../i18n';

/** The next free figure code: one more than the largest numeric code ("1" in a table of letters). */
export function nextFigureCode(table: Table): string {
  const numbers = table.columns.map((c) => Number(c.code)).filter((n) => Number.isInteger(n));
  return String(numbers.length ? Math.max(...numbers) + 1 : 1);
}

export function newColumnSpec(table: Table): ColumnSpec {
  return {
    code: nextFigureCode(table),
    label: t('structure.newColumn'),
    headerPath: [],
    type: 'integer',
    decimals: 0,
    formula: null,
  };
}
