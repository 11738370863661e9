/**
 * The units of a table and the rows that name them. A district table's unit rows are its detail
 * rows with a name (or a code, when the table has a code column "Mã …"); a returned file's rows
 * are matched to them by code first — a code is not spelt three ways — then by the unit name's
 * key (shared/units.ts: "TT. Lộc Ninh" = "Thị trấn Lộc Ninh", "Lộc Hoà" = "Lộc Hòa", NFC/NFD).
 */
import type { Table } from '../model';
import { tableUnits } from '../checks/units-of-table';
import { isCodeHeader } from '../table-words';

export interface UnitRow {
  rowIndex: number;
  /** The unit's name as the table writes it. */
  name: string;
  /** The name's matching key (units.ts). */
  key: string;
  /** The unit's code in the table's code column, or null. */
  code: string | null;
}

/** The text column headed "Mã …", or -1. */
function codeColumn(table: Table): number {
  return table.columns.findIndex((c) => c.type === 'text' && isCodeHeader(c.label));
}

/** A code as written, its leading zeros kept out ("00250" and 250 are one code). */
function codeText(value: unknown): string | null {
  if (typeof value !== 'number' && typeof value !== 'string') return null;
  const s = String(value)
    .trim()
    .replace(/^0+(?=.)/, '');
  return s === '' ? null : s;
}

/**
 * Every detail row that names a unit, with its key; the rows whose name or code is on two rows
 * are left out of matching (`unitOf` answers null for them), never given to the first.
 */
export function unitRows(table: Table): UnitRow[] {
  const units = tableUnits(table);
  const codes = codeColumn(table);
  const out: UnitRow[] = [];
  table.rows.forEach((row, r) => {
    const key = units.keyOf[r];
    if (row.role !== 'detail' || key === null) return;
    out.push({
      rowIndex: r,
      name: units.labelOf[r] ?? key,
      key,
      code: codes < 0 ? null : codeText(row.cells[codes]),
    });
  });
  return out;
}

/** Finds the district unit a row names: by code, else by the name's key. */
export class UnitIndex {
  private readonly byKey = new Map<string, UnitRow | null>();
  private readonly byCode = new Map<string, UnitRow | null>();

  constructor(readonly units: readonly UnitRow[]) {
    for (const u of units) {
      this.byKey.set(u.key, this.byKey.has(u.key) ? null : u);
      if (u.code !== null) this.byCode.set(u.code, this.byCode.has(u.code) ? null : u);
    }
  }

  unitOf(row: Pick<UnitRow, 'key' | 'code'>): UnitRow | null {
    if (row.code !== null) {
      const byCode = this.byCode.get(row.code);
      if (byCode !== undefined) return byCode;
    }
    return this.byKey.get(row.key) ?? null;
  }
}
