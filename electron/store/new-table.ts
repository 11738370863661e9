/**
 * A table before it is stored: what templates and importers hand to the store. It is the model's
 * Table without ids (the store assigns them), checked by one zod schema so a template file and an
 * importer are held to the same rules before anything reaches SQLite.
 */
import { z } from 'zod';
import { UserError } from '../../shared/api';
import type { Assert, Exactly } from '../../shared/exactly';
import {
  COLUMN_TYPES,
  ROW_ROLES,
  type Column,
  type ColumnType,
  type Row,
  type RowRole,
  type Table,
} from '../../shared/model';

const cellValueSchema = z.union([z.number(), z.string(), z.null()]);

const newColumnSchema = z.strictObject({
  code: z.string().min(1, 'Mã cột không được để trống'),
  label: z.string(),
  headerPath: z.array(z.string()).default([]),
  type: z.enum(COLUMN_TYPES as unknown as [ColumnType, ...ColumnType[]]),
  decimals: z.number().int().min(0).max(10).default(0),
  formula: z.string().min(1).nullable().default(null),
  /** 'inferred' when the importer found the formula in the figures (model.ts). */
  formulaBasis: z.literal('inferred').optional(),
});

const newRowSchema = z.strictObject({
  role: z.enum(ROW_ROLES as unknown as [RowRole, ...RowRole[]]),
  /** 'inferred' when the importer read the role from a label (model.ts). */
  roleBasis: z.literal('inferred').optional(),
  unitKey: z.string().nullable().default(null),
  cells: z.array(cellValueSchema),
});

export const newTableSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'Tên bảng không được để trống'),
    title: z.string().default(''),
    unit: z.string().default(''),
    columns: z.array(newColumnSchema).min(1, 'Bảng phải có ít nhất một cột'),
    rows: z.array(newRowSchema),
  })
  .superRefine((table, ctx) => {
    const seen = new Set<string>();
    table.columns.forEach((c, i) => {
      if (seen.has(c.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', i, 'code'],
          message: `Mã cột «${c.code}» bị trùng`,
        });
      }
      seen.add(c.code);
    });
    // A row with the wrong number of cells would silently shift every value after the gap.
    table.rows.forEach((r, i) => {
      if (r.cells.length !== table.columns.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['rows', i, 'cells'],
          message: `Dòng ${i + 1} có ${r.cells.length} ô, cần đúng ${table.columns.length} ô (một ô mỗi cột)`,
        });
      }
    });
  });

type NewColumn = z.output<typeof newColumnSchema>;
type NewRow = z.output<typeof newRowSchema>;
/** A table ready to be stored: every field present (defaults applied). */
export type NewTable = z.output<typeof newTableSchema>;
/** What a template file or an importer may write: optional fields may be left out. */
export type NewTableInput = z.input<typeof newTableSchema>;

// The model's Table without ids (model.ts declares the shape): a drift does not compile.
export type _NewColumnIsTheModel = Assert<Exactly<NewColumn, Omit<Column, 'id'>>>;
export type _NewRowIsTheModel = Assert<Exactly<NewRow, Omit<Row, 'id'>>>;
export type _NewTableIsTheModel = Assert<
  Exactly<
    NewTable,
    Omit<Table, 'id' | 'columns' | 'rows'> & { columns: NewColumn[]; rows: NewRow[] }
  >
>;

/** A short Vietnamese description of the first few problems zod found. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/**
 * Check tables before they are stored, naming the first one that is not valid or whose name the
 * document (`existingNames`) or an earlier one of them already has.
 */
export function parseNewTables(
  tables: readonly NewTableInput[],
  existingNames: Iterable<string>,
): NewTable[] {
  const names = new Set(existingNames);
  return tables.map((input, i) => {
    const result = newTableSchema.safeParse(input);
    if (!result.success) {
      const label =
        typeof input?.name === 'string' && input.name ? `«${input.name}»` : `thứ ${i + 1}`;
      throw new UserError(
        `Bảng ${label} không hợp lệ — ${describeIssues(result.error)}`,
        'bad-input',
      );
    }
    if (names.has(result.data.name)) {
      throw new UserError(`Tài liệu đã có một bảng tên «${result.data.name}».`, 'bad-input');
    }
    names.add(result.data.name);
    return result.data;
  });
}

/**
 * The table of a blank document or a blank new table: STT (A), the unit name (B), one integer
 * column (1) and three empty detail rows, the smallest shape of the statistical tables.
 */
export function blankTable(name: string): NewTable {
  return {
    name,
    title: '',
    unit: '',
    columns: [
      { code: 'A', label: 'STT', headerPath: [], type: 'text', decimals: 0, formula: null },
      { code: 'B', label: 'Tên đơn vị', headerPath: [], type: 'text', decimals: 0, formula: null },
      { code: '1', label: 'Số liệu', headerPath: [], type: 'integer', decimals: 0, formula: null },
    ],
    rows: Array.from({ length: 3 }, () => ({
      role: 'detail' as const,
      unitKey: null,
      cells: [null, null, null],
    })),
  };
}
