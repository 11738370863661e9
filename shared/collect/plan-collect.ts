/**
 * Collecting the communes' returned files into the district table, decided before anything is
 * written (docs/domain.md, "Where figures come from and go"). For every file: the table
 * that is the district's form (match-columns.ts), its own checks with its own cell addresses
 * (returned-checks.ts), and each of its rows matched to a unit of the district table by code or
 * name (unit-rows.ts) — or, for a commune's breakdown by village with a total row, that total as
 * the commune's figures (named-unit.ts). Then, per unit of the district table:
 *
 *   received   one file's figures (or several files with the same figures)
 *   missing    no file (this time, nor in an earlier collect)
 *   conflict   two files with different figures, or figures that differ from what the table
 *              already holds (and did not come from an earlier collect of the unit)
 *
 * and the rows that match no unit. The plan says what each file would write (`offers`): the app
 * lets a person accept all or unit by unit; `bieu collect --apply` takes what was received and is
 * not in conflict. Pure: the files are read elsewhere.
 */
import { checkTable } from '../checks/engine';
import type { Finding } from '../checks/finding';
import { draftToTable, sourceAddress, type DetectedTable } from '../import/detect-tables';
import type { CellValue, Table } from '../model';
import { pickTable, type ColumnPair } from './match-columns';
import { unitNamedIn } from './named-unit';
import { checkReturnedTable } from './returned-checks';
import { UnitIndex, unitRows, type UnitRow } from './unit-rows';

export interface ReturnedFile {
  /** The file as the person gave it (shown in every message). */
  file: string;
  tables: readonly DetectedTable[];
}

/** Where a figure came from: the returned file, its sheet and cell. */
export interface SourceCell {
  file: string;
  sheet: string;
  cell: string;
}

export interface CollectChange {
  /** The district column's code. */
  column: string;
  from: CellValue;
  to: CellValue;
  sheet: string;
  cell: string;
}

export type UnitStatus = 'received' | 'missing' | 'conflict';

export type Conflict =
  | {
      between: 'files';
      columns: { column: string; values: (SourceCell & { value: CellValue })[] }[];
    }
  /** Codes of the columns where the table already holds another figure. */
  | { between: 'table'; columns: string[] };

export interface CollectedUnit {
  unit: string;
  rowIndex: number;
  status: UnitStatus;
  /** The file the figures come from (the first, when several agree or disagree). */
  file: string | null;
  /** Every file that sent figures for the unit. */
  files: string[];
  /** What writing the file's figures changes, old → new (empty: nothing changes). */
  changes: CollectChange[];
  conflict: Conflict | null;
}

export interface UnmatchedRow {
  file: string;
  sheet: string;
  /** The row on the file's sheet, 1-based. */
  row: number;
  name: string;
}

export interface FileReading {
  file: string;
  sheet: string;
  /** The file's table that is the district's form. */
  table: string;
  /** The units the file gave figures for, by name. */
  units: string[];
  /** The file is one unit's breakdown (villages) and its total row gave the figures. */
  breakdown: boolean;
  /** District columns the file's table lacks, by code. */
  missingColumns: string[];
}

/** One file's figures for one unit, ready to write. */
export interface CollectOffer {
  rowIndex: number;
  file: string;
  edits: { rowIndex: number; columnIndex: number; value: CellValue; source: SourceCell }[];
}

export interface CollectPlan {
  table: string;
  units: CollectedUnit[];
  unmatched: UnmatchedRow[];
  files: FileReading[];
  /** Files read but not usable, each with its one sentence. */
  refused: { file: string; message: string }[];
  /** The files' findings (their own addresses), then the district table's with what is received. */
  findings: (Finding & { file: string })[];
  /** Every file's figures per unit; `receivedOffers` picks those `--apply` writes. */
  offers: CollectOffer[];
}

export interface CollectOptions {
  /** Names the district table's findings (the document's file name). */
  documentName?: string;
  /**
   * Whether a cell's value came from an earlier collect: a changed figure there is the unit's
   * correction, not a conflict with the table.
   */
  collectedBefore?: (rowIndex: number, columnIndex: number) => boolean;
  /**
   * The file an earlier collect took a unit's figures from, or null: a unit no file speaks for
   * this time stays received from it — the status is the document's, not one run's.
   */
  receivedBefore?: (rowIndex: number) => string | null;
}

interface Contribution {
  file: string;
  sheet: string;
  values: Map<number, SourceCell & { value: CellValue }>;
}

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;
const fileBase = (file: string) => baseName(file).replace(/\.[^.]*$/, '');

function cellValue(v: CellValue | undefined): CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' && v.trim() === '') return null;
  return v;
}

export function sameValue(a: CellValue, b: CellValue): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return a === b;
}

function contribution(
  file: string,
  detected: DetectedTable,
  pairs: readonly ColumnPair[],
  row: number,
): Contribution {
  const values = new Map<number, SourceCell & { value: CellValue }>();
  const cells = detected.table.rows[row].cells;
  for (const { to, from } of pairs) {
    const cell = sourceAddress(detected, row, from);
    values.set(to, { file, sheet: detected.sheet, cell, value: cellValue(cells[from]) });
  }
  return { file, sheet: detected.sheet, values };
}

/**
 * The row that totals a file's own rows: its grand total, else a closing "Cộng" after the last
 * village (a commune's breakdown has one group, so its total reads as a subtotal); -1 if none.
 */
function fileTotalRow(detected: DetectedTable): number {
  const roles = detected.table.rows.map((r) => r.role);
  const total = roles.lastIndexOf('total');
  if (total >= 0) return total;
  const last = roles.length - 1;
  return roles[last] === 'subtotal' && roles.indexOf('subtotal') === last ? last : -1;
}

/** What one file gives: figures per unit row, the rows that match no unit. */
function readFile(
  returned: ReturnedFile,
  district: Table,
  index: UnitIndex,
  plan: CollectPlan,
  given: Map<number, Contribution[]>,
): void {
  const picked = pickTable(district, returned.tables);
  if (!picked) {
    plan.refused.push({
      file: returned.file,
      message: `Tệp «${baseName(returned.file)}» không có biểu nào khớp với biểu «${district.name}» (không thấy đủ các cột số liệu của biểu); tệp này không được tổng hợp.`,
    });
    return;
  }
  const { detected, columns } = picked;
  const reading: FileReading = {
    file: returned.file,
    sheet: detected.sheet,
    table: detected.table.name,
    units: [],
    breakdown: false,
    missingColumns: columns.missing,
  };
  const give = (unit: UnitRow, row: number) => {
    const list = given.get(unit.rowIndex) ?? [];
    list.push(contribution(returned.file, detected, columns.pairs, row));
    given.set(unit.rowIndex, list);
    reading.units.push(unit.name);
  };
  const theirs = unitRows(draftToTable(detected.table));
  const matched = theirs.map((row) => ({ row, unit: index.unitOf(row) }));
  const total = fileTotalRow(detected);
  if (matched.every((m) => m.unit === null) && total >= 0) {
    // One commune's own breakdown by village: its total row is the commune's figures.
    const named = unitNamedIn(
      [...detected.preamble, detected.table.title, detected.sheet, fileBase(returned.file)],
      index.units,
    );
    if (!named) {
      plan.refused.push({
        file: returned.file,
        message: `Tệp «${baseName(returned.file)}» có dòng tổng nhưng không dòng nào mang tên một đơn vị của biểu «${district.name}», và tiêu đề, tên trang, tên tệp đều không cho biết đó là đơn vị nào; tệp này không được tổng hợp.`,
      });
      return;
    }
    reading.breakdown = true;
    give(named, total);
  } else {
    for (const { row, unit } of matched) {
      if (unit) give(unit, row.rowIndex);
      else
        plan.unmatched.push({
          file: returned.file,
          sheet: detected.sheet,
          row: detected.sourceRows[row.rowIndex],
          name: row.name,
        });
    }
  }
  plan.files.push(reading);
  for (const f of checkReturnedTable(detected)) plan.findings.push({ ...f, file: returned.file });
}

/** The columns where two contributions disagree (each compared where both have the column). */
function disagreements(list: readonly Contribution[], district: Table): Conflict | null {
  const columns: { column: string; values: (SourceCell & { value: CellValue })[] }[] = [];
  const all = new Set(list.flatMap((c) => [...c.values.keys()]));
  for (const col of [...all].sort((a, b) => a - b)) {
    const values = list.flatMap((c) => c.values.get(col) ?? []);
    if (values.some((v) => !sameValue(v.value, values[0].value)))
      columns.push({ column: district.columns[col].code, values });
  }
  return columns.length ? { between: 'files', columns } : null;
}

export function planCollect(
  district: Table,
  files: readonly ReturnedFile[],
  options: CollectOptions = {},
): CollectPlan {
  const plan: CollectPlan = {
    table: district.name,
    units: [],
    unmatched: [],
    files: [],
    refused: [],
    findings: [],
    offers: [],
  };
  const index = new UnitIndex(unitRows(district));
  const given = new Map<number, Contribution[]>();
  for (const returned of files) readFile(returned, district, index, plan, given);

  for (const unit of index.units) {
    const list = given.get(unit.rowIndex) ?? [];
    const entry: CollectedUnit = {
      unit: unit.name,
      rowIndex: unit.rowIndex,
      status: 'missing',
      file: list[0]?.file ?? null,
      files: [...new Set(list.map((c) => c.file))],
      changes: [],
      conflict: null,
    };
    plan.units.push(entry);
    if (list.length === 0) {
      const before = options.receivedBefore?.(unit.rowIndex) ?? null;
      if (before !== null) Object.assign(entry, { status: 'received', file: before });
      continue;
    }
    const cells = district.rows[unit.rowIndex].cells;
    for (const c of list) {
      const edits: CollectOffer['edits'] = [];
      for (const [col, v] of c.values) {
        if (sameValue(cellValue(cells[col]), v.value)) continue;
        edits.push({
          rowIndex: unit.rowIndex,
          columnIndex: col,
          value: v.value,
          source: { file: v.file, sheet: v.sheet, cell: v.cell },
        });
      }
      plan.offers.push({ rowIndex: unit.rowIndex, file: c.file, edits });
    }
    const first = plan.offers.filter((o) => o.rowIndex === unit.rowIndex)[0];
    entry.changes = first.edits.map((e) => ({
      column: district.columns[e.columnIndex].code,
      from: cellValue(cells[e.columnIndex]),
      to: e.value,
      sheet: e.source.sheet,
      cell: e.source.cell,
    }));
    entry.conflict = disagreements(list, district);
    if (!entry.conflict) {
      const overwritten = first.edits.filter(
        (e) =>
          cellValue(cells[e.columnIndex]) !== null &&
          !options.collectedBefore?.(e.rowIndex, e.columnIndex),
      );
      if (overwritten.length)
        entry.conflict = {
          between: 'table',
          columns: overwritten.map((e) => district.columns[e.columnIndex].code),
        };
    }
    entry.status = entry.conflict ? 'conflict' : 'received';
  }

  const merged = withOffers(district, receivedOffers(plan));
  const documentName = options.documentName ?? district.name;
  for (const f of checkTable(merged)) plan.findings.push({ ...f, file: documentName });
  return plan;
}

/** The offers `--apply` writes: one per received unit (the first file, when several agree). */
export function receivedOffers(plan: CollectPlan): CollectOffer[] {
  const received = new Map(
    plan.units.filter((u) => u.status === 'received').map((u) => [u.rowIndex, u.file]),
  );
  return plan.offers.filter((o) => received.get(o.rowIndex) === o.file && o.edits.length > 0);
}

/** The district table as it would be with these offers written. */
export function withOffers(district: Table, offers: readonly CollectOffer[]): Table {
  const rows = district.rows.map((r) => ({ ...r, cells: [...r.cells] }));
  for (const o of offers) for (const e of o.edits) rows[e.rowIndex].cells[e.columnIndex] = e.value;
  return { ...district, rows };
}
