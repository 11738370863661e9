/**
 * What each data row is in the table's arithmetic (model.ts RowRole), read from its label:
 * "Tổng cộng", "Toàn huyện", "00 Toàn quốc" are totals (wherever they stand, above their members
 * too); "Cộng" closes a group as its subtotal, and so does a regional row V01…V06 placed before
 * its provinces; a row with a heading ("I. Khu vực thành thị", "Tuyến Tỉnh") and no figures opens
 * a group; every other row is a detail row. A row's unit key is shared/units.ts's key of its name,
 * so the same commune matches across tables however each writes it.
 */
import type { CellValue, ColumnType, RowRole } from '../model';
import { normalizeUnitName } from '../units';
import {
  cleanLabel,
  hasLetter,
  isGroupLabel,
  isRegionCode,
  isSectionCode,
  isShortCode,
  isSubtotalLabel,
  isGrandTotalLabel,
} from '../table-words';

export interface RowRead {
  role: RowRole;
  unitKey: string | null;
  label: string | null;
}

/** The row's own name: the first text with a letter in a label column, past short codes
 *  ("A", "II", "TT", "V01") that stand in a column of their own. */
export function rowLabel(cells: readonly CellValue[], types: readonly ColumnType[]): string | null {
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (types[c] === 'text' && typeof v === 'string' && hasLetter(v) && !isShortCode(v))
      return cleanLabel(v);
  }
  return null;
}

/** The row opens with a section code in a column of its own: "A | I | CHỈ TIÊU KINH TẾ". */
function opensWithSectionCode(cells: readonly CellValue[], types: readonly ColumnType[]): boolean {
  const first = cells.find((v, c) => types[c] === 'text' && v !== null);
  return typeof first === 'string' && isSectionCode(first);
}

/**
 * `pending[r]` says row r has a formula whose result is unknown in a figure column: it has
 * figures, even though none can be read yet.
 */
export function readRoles(
  rows: readonly (readonly CellValue[])[],
  types: readonly ColumnType[],
  pending: readonly boolean[] = [],
): RowRead[] {
  const labels = rows.map((cells) => rowLabel(cells, types));
  const totals = labels.map((l) => l !== null && isGrandTotalLabel(l));
  const hasTotal = totals.includes(true);
  return rows.map((cells, r) => {
    const label = labels[r];
    const figures = pending[r] === true || cells.some((v, c) => types[c] !== 'text' && v !== null);
    const regional =
      hasTotal &&
      cells.some((v, c) => types[c] === 'text' && typeof v === 'string' && isRegionCode(v));
    let role: RowRole = 'detail';
    if (totals[r]) role = 'total';
    else if ((label !== null && isSubtotalLabel(label)) || regional) role = 'subtotal';
    else if (
      !figures &&
      label !== null &&
      (isGroupLabel(label) || opensWithSectionCode(cells, types))
    )
      role = 'group';
    const firstText = cells.find((v, c) => types[c] === 'text' && v !== null);
    const key =
      label ?? (firstText === undefined || firstText === null ? null : String(firstText).trim());
    return {
      role,
      label,
      unitKey:
        role === 'total' || role === 'subtotal' || !key ? null : normalizeUnitName(key) || null,
    };
  });
}
