/**
 * A returned file's own table checked before its figures go anywhere: the commune's row that does
 * not add up is reported with the file's own sheet and cells ("Lộc Hòa.xlsx › Biểu › C8"), so the
 * district can ring the commune and name the cell.
 */
import { checkTable } from '../checks/engine';
import type { Finding } from '../checks/finding';
import { columnLetter } from '../model';
import { draftToTable, sourceAddress, type DetectedTable } from '../import/detect-tables';
import { unevaluatedCells } from '../unevaluated-cells';

export function checkReturnedTable(detected: DetectedTable): Finding[] {
  const addressOf = (row: number, col: number) => sourceAddress(detected, row, col);
  const codeRow = detected.codeRow;
  return checkTable(draftToTable(detected.table), {
    sheet: detected.sheet,
    addressOf,
    codeRowAddressOf:
      codeRow === null
        ? undefined
        : (col) => `${columnLetter(detected.sourceColumns[col])}${codeRow}`,
    unevaluated: unevaluatedCells(detected),
  });
}
