/**
 * The table positions of the formula cells whose result the file never saved. The importer keeps
 * such cells empty and lists their sheet addresses; the checks must read them as unknown, never
 * as 0, wherever a detected table is checked (`bieu check`, a returned file of a collect).
 */
import type { CellRef } from './checks/rule';
import { sourceAddress, type DetectedTable } from './import/detect-tables';

export function unevaluatedCells(
  detected: Pick<DetectedTable, 'sourceRows' | 'sourceColumns' | 'unevaluated'>,
): CellRef[] {
  if (detected.unevaluated.length === 0) return [];
  const at = new Map<string, CellRef>();
  detected.sourceRows.forEach((_, row) =>
    detected.sourceColumns.forEach((_, col) =>
      at.set(sourceAddress(detected, row, col), { row, col }),
    ),
  );
  return detected.unevaluated.flatMap((address) => at.get(address) ?? []);
}
