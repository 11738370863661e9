/**
 * The one contract between the renderer and the Node side (docs/architecture.md, "The layers").
 * Every call has a zod schema for its input and its output; both transports (Electron IPC and the
 * browser host) validate the input against it before any handler runs, so a handler only ever
 * sees well-formed arguments.
 */
import { z } from 'zod';
import { COLUMN_TYPES, ROW_ROLES, type Column, type Row, type Table } from './model';
import type { Assert, Exactly } from './exactly';
import { CAUSES, FINDING_KINDS, SEVERITIES } from './checks/finding';
import { RULE_ORIGINS } from './checks/rule-list';

const cellValue = z.union([z.number().finite(), z.string(), z.null()]);

const column = z.object({
  id: z.number().int(),
  code: z.string(),
  label: z.string(),
  headerPath: z.array(z.string()),
  type: z.enum(COLUMN_TYPES as [string, ...string[]]) as z.ZodType<(typeof COLUMN_TYPES)[number]>,
  decimals: z.number().int().min(0).max(10),
  formula: z.string().nullable(),
  formulaBasis: z.literal('inferred').optional(),
});

const row = z.object({
  id: z.number().int(),
  role: z.enum(ROW_ROLES as [string, ...string[]]) as z.ZodType<(typeof ROW_ROLES)[number]>,
  roleBasis: z.literal('inferred').optional(),
  unitKey: z.string().nullable(),
  cells: z.array(cellValue),
});

const tableSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  title: z.string(),
  unit: z.string(),
  columns: z.array(column),
  rows: z.array(row),
});

// The table's shape is declared once, in model.ts; these schemas validate the same shape and
// do not compile if they stop saying the same thing.
export type _ColumnIsTheModel = Assert<Exactly<z.output<typeof column>, Column>>;
export type _RowIsTheModel = Assert<Exactly<z.output<typeof row>, Row>>;
export type _TableIsTheModel = Assert<Exactly<z.output<typeof tableSchema>, Table>>;

const tableSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  rowCount: z.number().int(),
  columnCount: z.number().int(),
});

const documentInfo = z.object({
  path: z.string(),
  name: z.string(),
  readOnly: z.boolean(),
  /** Why the document is read-only, in Vietnamese; null when it is writable. */
  readOnlyReason: z.string().nullable(),
  tables: z.array(tableSummary),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
});

const templateInfo = z.object({ id: z.string(), name: z.string(), description: z.string() });

const cellEdit = z.object({
  tableId: z.number().int(),
  rowId: z.number().int(),
  columnId: z.number().int(),
  value: cellValue,
});

/**
 * What an action, undo or redo changed, so the renderer can update its grid without a reload:
 * cell changes in place; tables whose STRUCTURE changed (columns, rows, name) listed for a fresh
 * `table.get`; `tableListChanged` when tables were added, removed, renamed or reordered.
 */
const changeSet = z.object({
  batchId: z.number().int().nullable(),
  changes: z.array(cellEdit),
  structureChanged: z.array(z.number().int()).default([]),
  tableListChanged: z.boolean().default(false),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
});

const columnSpec = z.object({
  code: z.string().trim().min(1, 'Mã cột không được để trống'),
  label: z.string(),
  headerPath: z.array(z.string()),
  type: column.shape.type,
  decimals: z.number().int().min(0).max(10),
  formula: z.string().nullable(),
  formulaBasis: column.shape.formulaBasis,
});

const recentDocument = z.object({
  path: z.string(),
  name: z.string(),
  openedAt: z.string(),
  /** Last change of the file on disk (ISO), or null when it no longer exists. */
  modifiedAt: z.string().nullable(),
  exists: z.boolean(),
});

const historyEntry = z.object({
  batchId: z.number().int(),
  time: z.string(),
  /** The operating-system user who made the change. */
  user: z.string(),
  label: z.string(),
  state: z.enum(['done', 'undone', 'discarded']),
  /** Cell changes, or a sentence for a structural change. */
  cells: z.array(
    z.object({
      tableId: z.number().int(),
      rowId: z.number().int(),
      columnId: z.number().int(),
      oldValue: cellValue,
      newValue: cellValue,
    }),
  ),
  structural: z.string().nullable(),
});

const backupInfo = z.object({
  id: z.string(),
  documentPath: z.string(),
  createdAt: z.string(),
  bytes: z.number().int(),
});

/**
 * A long piece of work (an import) runs as a job: the renderer polls its progress for the
 * progress bar and may cancel it. Polling works the same over IPC and over HTTP.
 */
const jobStatus = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  fraction: z.number().min(0).max(1),
  message: z.string(),
  /** The Vietnamese sentence of a failed or cancelled job. */
  error: z.string().nullable(),
});

/** One table an import recognised, as the preview shows it before anything is stored. */
const importedTable = z.object({
  index: z.number().int(),
  sheet: z.string(),
  name: z.string(),
  title: z.string(),
  unit: z.string(),
  columns: z.array(columnSpec),
  rows: z.array(
    z.object({
      role: row.shape.role,
      roleBasis: row.shape.roleBasis,
      unitKey: z.string().nullable(),
      cells: z.array(cellValue),
    }),
  ),
  /** 1-based source row of each table row, and the source column letter of each column. */
  sourceRows: z.array(z.number().int()),
  sourceColumns: z.array(z.string()),
  /** How number-strings were read, per column that had any: the convention and why. */
  readings: z.array(
    z.object({
      column: z.number().int(),
      convention: z.enum(['vi', 'en']),
      strings: z.number().int(),
      reason: z.string(),
    }),
  ),
  /** What the reading decided or doubted (number conventions, hidden rows, guesses), in Vietnamese. */
  doubts: z.array(z.string()),
  /** Source addresses of formula cells whose result was not saved (kept empty, never 0). */
  unevaluated: z.array(z.string()),
});

const importPreview = z.object({
  file: z.string(),
  tables: z.array(importedTable),
  /** Sheets or blocks left out, and why. */
  skipped: z.array(z.string()),
  /**
   * A Word report's sentences whose stated arithmetic fails (shared/report-text): the paragraph,
   * the sentence, the finding's sentence and where the figures it read stand, to highlight them.
   */
  text: z.array(
    z.object({
      paragraph: z.number().int(),
      sentence: z.string(),
      message: z.string(),
      figures: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
    }),
  ),
});

/** Where an accepted table goes: a new table, or onto an existing one (matched by codes/labels and units). */
const importChoice = z.object({
  index: z.number().int(),
  name: z.string().trim().min(1, 'Tên biểu không được để trống'),
  target: z.union([z.literal('new'), z.number().int()]),
  /** The user's corrections of row roles, one per row; absent = as recognised. */
  roles: z.array(row.shape.role).optional(),
  /** The user's corrections of the columns; absent = as recognised. */
  columns: z.array(columnSpec).optional(),
});

const exportPreview = z.object({
  lines: z.object({
    agency: z.string(),
    office: z.string(),
    attachment: z.string(),
    referenceDate: z.string(),
    placeDate: z.string(),
  }),
  tables: z.array(
    z.object({
      name: z.string(),
      title: z.string(),
      errors: z.number().int(),
      warnings: z.number().int(),
    }),
  ),
});

/** A finding of the checks, as shared/checks/finding.ts declares it. */
const finding = z.object({
  id: z.string(),
  severity: z.enum(SEVERITIES as [string, ...string[]]) as z.ZodType<(typeof SEVERITIES)[number]>,
  kind: z.enum(FINDING_KINDS as [string, ...string[]]) as z.ZodType<(typeof FINDING_KINDS)[number]>,
  cause: (z.enum(CAUSES as [string, ...string[]]) as z.ZodType<(typeof CAUSES)[number]>).nullable(),
  table: z.string(),
  sheet: z.string(),
  /** A1 address, as the table is laid out when exported. */
  cell: z.string(),
  cells: z.array(z.string()),
  expected: z.number().nullable(),
  actual: z.number().nullable(),
  difference: z.number().nullable(),
  /** One Vietnamese sentence. */
  message: z.string(),
  /** Why Biểu believes the rule: who states it, or how far the numbers establish it. */
  evidence: z.string(),
  suggestion: z.object({ cell: z.string(), value: z.number(), reason: z.string() }).nullable(),
});

/**
 * A rule of a table as the rules view lists it: a family of checks ("1=2+3" on every row, the
 * "Cộng" row of a group in every column), where it comes from, and whether it is on.
 */
const ruleInfo = z.object({
  /** "12/code-row:1" for a rule the table's layout gives; "link:3", "user:5" for the document's. */
  id: z.string(),
  /** The table a derived rule belongs to; null for a link or a rule the user typed. */
  tableId: z.number().int().nullable(),
  origin: z.enum(RULE_ORIGINS as [string, ...string[]]) as z.ZodType<(typeof RULE_ORIGINS)[number]>,
  /** Where it comes from, in Vietnamese ("Dòng mã cột", "Tiêu đề cột", "Dòng tổng" …). */
  originName: z.string(),
  /** In the column-code notation ("1=2+3", "4≤1", "[Dân số].6 = [Hộ nghèo].2"), or a sentence. */
  text: z.string(),
  /** The codes of the columns it checks, in table order (empty for a rule across tables). */
  columns: z.array(z.string()),
  /** How many checks (rows × columns) it makes; 0 for a rule that cannot be checked. */
  checks: z.number().int(),
  enabled: z.boolean(),
  /** Links and the user's rules can be removed; the others only turned off. */
  removable: z.boolean(),
  /** Why it cannot be checked now (a removed column, a table renamed away), in Vietnamese. */
  problem: z.string().nullable(),
});

/** A column of a table of the open document, by ids. */
const columnRef = z.object({ tableId: z.number().int(), columnId: z.number().int() });

/** A link the figures suggest, with where the two columns disagree. */
const linkProposal = z.object({
  from: columnRef.extend({ tableName: z.string(), columnCode: z.string(), label: z.string() }),
  to: columnRef.extend({ tableName: z.string(), columnCode: z.string(), label: z.string() }),
  /** Units both tables have; units where both hold a figure; where the figures agree. */
  sharedUnits: z.number().int(),
  compared: z.number().int(),
  agreeing: z.number().int(),
  disagreements: z.array(
    z.object({
      /** The unit as the `to` table writes it. */
      label: z.string().nullable(),
      fromRowId: z.number().int(),
      toRowId: z.number().int(),
      fromValue: z.number(),
      toValue: z.number(),
      cause: (
        z.enum(CAUSES as [string, ...string[]]) as z.ZodType<(typeof CAUSES)[number]>
      ).nullable(),
      /** When one figure is a typing slip of the other: the cell to change and its value. */
      suggestion: z
        .object({
          tableId: z.number().int(),
          rowId: z.number().int(),
          columnId: z.number().int(),
          value: z.number(),
        })
        .nullable(),
    }),
  ),
  /** In Vietnamese, for the rules view. */
  message: z.string(),
});

/** Document metadata used by the export's header block and signatures. */
const documentMeta = z.record(z.string(), z.string());

const path = z.string().min(1, 'Đường dẫn tệp không được để trống');

/** The app itself: its facts, the templates, the host's file dialogs. */
const appCalls = {
  'app.info': {
    input: z.object({}),
    output: z.object({
      version: z.string(),
      transport: z.enum(['electron', 'browser']),
      /** True when the host can show native open/save dialogs (Electron). */
      nativeDialogs: z.boolean(),
      documentsDir: z.string(),
    }),
  },
  'templates.list': { input: z.object({}), output: z.array(templateInfo) },
  /** Ask the host for a path with a native dialog; null when the user cancelled. */
  'dialog.pickPath': {
    input: z.object({ purpose: z.enum(['open', 'save', 'import', 'export']) }),
    output: z.string().nullable(),
  },
  /**
   * The browser host's own file browser (it has no native dialog): one folder's subfolders and
   * the files that fit the purpose (.bieu to open or save, workbooks and Word reports to import,
   * .xlsx to export). Only inside the documents folder and the folders of documents opened
   * before; `path: null` starts in the documents folder.
   */
  'folder.list': {
    input: z.object({
      path: z.string().nullable(),
      purpose: z.enum(['open', 'save', 'import', 'export']),
    }),
    output: z.object({
      path: z.string(),
      /** The folder above, when it is still one the browser may show. */
      parent: z.string().nullable(),
      /** The folders the browser may show: the documents folder, then the recent ones. */
      roots: z.array(z.string()),
      entries: z.array(z.object({ name: z.string(), path: z.string(), folder: z.boolean() })),
    }),
  },
} as const;

/** Documents: open, create, save as, the start screen, rename, reveal, metadata, backups. */
const documentCalls = {
  'document.current': { input: z.object({}), output: documentInfo.nullable() },
  'document.open': { input: z.object({ path }), output: documentInfo },
  'document.create': {
    input: z.object({ path, templateIds: z.array(z.string()).min(1) }),
    output: documentInfo,
  },
  'document.createBlank': { input: z.object({ path }), output: documentInfo },
  'document.openSample': { input: z.object({}), output: documentInfo },
  'document.saveAs': { input: z.object({ path }), output: documentInfo },
  'document.close': { input: z.object({}), output: z.null() },
  /** Rename the open document's file (same folder). */
  'document.rename': {
    input: z.object({ name: z.string().trim().min(1, 'Tên tệp không được để trống') }),
    output: documentInfo,
  },
  /** Show the document in the system file manager (Electron); returns its folder. */
  'document.reveal': { input: z.object({}), output: z.string() },
  'recent.list': { input: z.object({}), output: z.array(recentDocument) },
  'meta.get': { input: z.object({}), output: documentMeta },
  'meta.set': {
    input: z.object({ meta: z.record(z.string(), z.string().nullable()) }),
    output: changeSet,
  },
  'backups.list': { input: z.object({ path: path.optional() }), output: z.array(backupInfo) },
  /** Replace a document with one of its backups (the current state is backed up first). */
  'backups.restore': { input: z.object({ backupId: z.string() }), output: documentInfo },
} as const;

/** Tables and their structure; every change is one undoable batch. */
const tableCalls = {
  'table.get': { input: z.object({ tableId: z.number().int() }), output: tableSchema },
  'table.add': {
    input: z.object({
      templateId: z.string().optional(),
      name: z.string().trim().min(1).optional(),
    }),
    output: changeSet,
  },
  'table.rename': {
    input: z.object({
      tableId: z.number().int(),
      name: z.string().trim().min(1, 'Tên biểu không được để trống'),
    }),
    output: changeSet,
  },
  'table.duplicate': { input: z.object({ tableId: z.number().int() }), output: changeSet },
  'table.move': {
    input: z.object({ tableId: z.number().int(), toIndex: z.number().int().min(0) }),
    output: changeSet,
  },
  'table.delete': { input: z.object({ tableId: z.number().int() }), output: changeSet },
  'table.setInfo': {
    input: z.object({
      tableId: z.number().int(),
      title: z.string().optional(),
      unit: z.string().optional(),
    }),
    output: changeSet,
  },
  'column.add': {
    input: z.object({
      tableId: z.number().int(),
      atIndex: z.number().int().min(0),
      column: columnSpec,
    }),
    output: changeSet,
  },
  'column.update': {
    input: z.object({
      tableId: z.number().int(),
      columnId: z.number().int(),
      patch: columnSpec.partial(),
    }),
    output: changeSet,
  },
  /** Several columns removed together are one undoable step. */
  'column.remove': {
    input: z.object({ tableId: z.number().int(), columnIds: z.array(z.number().int()).min(1) }),
    output: changeSet,
  },
  'column.move': {
    input: z.object({
      tableId: z.number().int(),
      columnId: z.number().int(),
      toIndex: z.number().int().min(0),
    }),
    output: changeSet,
  },
  /** Put consecutive columns under a header group (or remove a level with group: null). */
  'column.group': {
    input: z.object({
      tableId: z.number().int(),
      columnIds: z.array(z.number().int()).min(1),
      group: z.string().trim().min(1).nullable(),
    }),
    output: changeSet,
  },
  'row.insert': {
    input: z.object({
      tableId: z.number().int(),
      atIndex: z.number().int().min(0),
      count: z.number().int().min(1).max(100000).default(1),
      role: row.shape.role.optional(),
    }),
    output: changeSet,
  },
  'row.remove': {
    input: z.object({ tableId: z.number().int(), rowIds: z.array(z.number().int()).min(1) }),
    output: changeSet,
  },
  'row.move': {
    input: z.object({
      tableId: z.number().int(),
      rowId: z.number().int(),
      toIndex: z.number().int().min(0),
    }),
    output: changeSet,
  },
  /** Several rows changed together (a role given to the selected rows) are one undoable step. */
  'row.update': {
    input: z.object({
      tableId: z.number().int(),
      rowIds: z.array(z.number().int()).min(1),
      patch: z.object({
        role: row.shape.role.optional(),
        unitKey: z.string().nullable().optional(),
      }),
    }),
    output: changeSet,
  },
  'template.saveUser': {
    input: z.object({ tableId: z.number().int(), name: z.string().trim().min(1) }),
    output: templateInfo,
  },
} as const;

/** Cells, paste, undo and redo, and the history. */
const editCalls = {
  'cells.set': {
    input: z.object({
      edits: z.array(cellEdit).min(1, 'Không có ô nào để ghi'),
      /** What the user did, for the history ("Sửa ô C8", "Dán 12 ô"). */
      label: z.string().max(200).optional(),
    }),
    output: changeSet,
  },
  /**
   * A paste that needs new rows, as ONE undoable batch: `appendRows` empty detail rows
   * go before row `atIndex` (default: the end of the table), then the cells are written. Each
   * edit names an existing row by `rowId` or one of the new rows by `newRow` (0 = the first
   * added). With no rows to add it is a plain cell batch, as `cells.set`.
   */
  'table.paste': {
    input: z.object({
      tableId: z.number().int(),
      atIndex: z.number().int().min(0).optional(),
      appendRows: z.number().int().min(0).max(100000),
      edits: z
        .array(
          z.object({
            rowId: z.number().int().optional(),
            newRow: z.number().int().min(0).optional(),
            columnId: z.number().int(),
            value: cellValue,
          }),
        )
        .min(1, 'Không có ô nào để dán'),
      label: z.string().max(200).optional(),
    }),
    output: changeSet,
  },
  'edit.undo': { input: z.object({}), output: changeSet },
  'edit.redo': { input: z.object({}), output: changeSet },
  'history.list': {
    input: z.object({ limit: z.number().int().min(1).max(10000).default(200) }),
    output: z.array(historyEntry),
  },
  /** Undo every batch after this one, as ONE new undoable action. */
  'history.revertTo': { input: z.object({ batchId: z.number().int() }), output: changeSet },
} as const;

/** Getting data in and out: imports run as jobs, exports. */
const transferCalls = {
  'job.status': { input: z.object({ jobId: z.string() }), output: jobStatus },
  'job.cancel': { input: z.object({ jobId: z.string() }), output: jobStatus },
  /** Start reading an .xlsx file; poll job.status, then import.preview. Nothing is stored yet. */
  'import.start': { input: z.object({ path }), output: jobStatus },
  /**
   * The browser host's own file input: a workbook or report the person picked on their machine,
   * sent as base64 and read as `import.start` reads a path (the host keeps no copy of it).
   */
  'import.upload': {
    input: z.object({
      name: z.string().trim().min(1, 'Tệp chọn không có tên').max(255),
      data: z.string().min(1, 'Tệp chọn trống, không có gì để nhập'),
    }),
    output: jobStatus,
  },
  'import.preview': { input: z.object({ jobId: z.string() }), output: importPreview },
  /** Store the chosen tables, with the user's corrections, as ONE undoable action. */
  'import.accept': {
    input: z.object({
      jobId: z.string(),
      tables: z.array(importChoice).min(1, 'Chưa chọn biểu nào để nhập'),
    }),
    output: z.object({ changes: changeSet, notes: z.array(z.string()) }),
  },
  'export.preview': {
    input: z.object({ tableId: z.number().int().optional() }),
    output: exportPreview,
  },
  /**
   * Write the appendix workbook (.xlsx only). Never over the open document or any Biểu document;
   * over another existing file only with `replace` (else refused with code 'exists').
   */
  'export.run': {
    input: z.object({
      path,
      tableId: z.number().int().optional(),
      valuesOnly: z.boolean().default(false),
      replace: z.boolean().default(false),
      /** Add the sheet «Kết quả kiểm tra» listing the open findings (it prints as a page of its own). */
      findingsSheet: z.boolean().default(true),
    }),
    output: z.object({
      file: z.string(),
      sheets: z.array(z.string()),
      /** The findings sheet's name, or null when it was left out. */
      findingsSheet: z.string().nullable(),
      errors: z.number().int(),
      warnings: z.number().int(),
    }),
  },
} as const;

/** Checks and the rules of the document; every change is one undoable batch. */
const ruleCalls = {
  /** Every finding of the document: its tables' own checks, its links and the user's rules. */
  'document.check': { input: z.object({}), output: z.array(finding) },
  /** Every rule of a table: derived from its layout, its links, the rules typed for it. */
  'rules.list': { input: z.object({ tableId: z.number().int() }), output: z.array(ruleInfo) },
  /** Turn a rule on or off (its id as rules.list gives it). */
  'rules.setEnabled': {
    input: z.object({
      ruleId: z.string().trim().min(1, 'Chưa chọn quy tắc'),
      enabled: z.boolean(),
    }),
    output: changeSet,
  },
  /**
   * Add a rule typed in the column-code notation, in a table ("6 = 1+2") or in the document
   * (tableId absent: "B2.6 = B1.11"). A rule that does not parse or names what the document
   * lacks is refused with the Vietnamese reason and its position; nothing is stored.
   */
  'rules.addUser': {
    input: z.object({
      tableId: z.number().int().optional(),
      text: z.string().trim().min(1, 'Quy tắc không được để trống').max(1000),
    }),
    output: z.object({ rule: ruleInfo, changes: changeSet }),
  },
  'rules.removeUser': { input: z.object({ id: z.number().int() }), output: changeSet },
  /** Links the figures suggest between the document's tables, not yet accepted or dismissed. */
  'links.proposals': { input: z.object({}), output: z.array(linkProposal) },
  /** Accept a proposal: the link becomes a rule of the document. */
  'links.accept': {
    input: z.object({ proposal: z.object({ from: columnRef, to: columnRef }) }),
    output: changeSet,
  },
  /** Dismiss a proposal: it is not proposed again. */
  'links.dismiss': {
    input: z.object({ proposal: z.object({ from: columnRef, to: columnRef }) }),
    output: changeSet,
  },
  /** Remove a link (accepted or dismissed): the columns are compared anew. */
  'links.remove': { input: z.object({ id: z.number().int() }), output: changeSet },
} as const;

/** What a collect found, unit by unit, before anything is written (shared/collect). */
const collectView = z.object({
  table: z.string(),
  units: z.array(
    z.object({
      unit: z.string(),
      rowIndex: z.number().int(),
      status: z.enum(['received', 'missing', 'conflict']),
      /** The file the figures come from (its name), null when none. */
      file: z.string().nullable(),
      files: z.array(z.string()),
      changes: z.array(
        z.object({
          column: z.string(),
          from: cellValue,
          to: cellValue,
          sheet: z.string(),
          cell: z.string(),
        }),
      ),
      /** Why the unit is in conflict, in Vietnamese; null when it is not. */
      conflict: z.string().nullable(),
      /** The unit's figures can be written if the person accepts them. */
      acceptable: z.boolean(),
      /** Files that disagree: the person picks the one to take (its index in `files`). */
      chooseFile: z.boolean(),
    }),
  ),
  unmatched: z.array(
    z.object({ file: z.string(), sheet: z.string(), row: z.number().int(), name: z.string() }),
  ),
  /** Files set aside, each with its one sentence. */
  unreadable: z.array(z.object({ file: z.string(), message: z.string() })),
  /** The files' findings and the district table's with the figures received. */
  findings: z.array(finding.extend({ file: z.string() })),
});

/** Forms out, figures in: the district table and the communes' files (Biểu menu). */
const collectCalls = {
  /** One entry workbook per unit of the table into `dir`; never over a file already there. */
  'collect.forms': {
    input: z.object({
      tableId: z.number().int(),
      dir: path,
      breakdown: z.number().int().min(0).max(200).default(0),
    }),
    output: z.object({ files: z.array(z.object({ unit: z.string(), file: z.string() })) }),
  },
  /** Start reading the returned files (files or folders); poll collect.status, then collect.plan. */
  'collect.start': {
    input: z.object({
      tableId: z.number().int(),
      paths: z.array(path).min(1, 'Chưa chọn tệp hay thư mục nào'),
    }),
    output: jobStatus,
  },
  'collect.status': { input: z.object({ jobId: z.string() }), output: jobStatus },
  'collect.cancel': { input: z.object({ jobId: z.string() }), output: jobStatus },
  'collect.plan': { input: z.object({ jobId: z.string() }), output: collectView },
  /** Write the accepted units' figures (by row index), one undoable step per file. */
  'collect.apply': {
    input: z.object({
      jobId: z.string(),
      units: z.array(z.number().int()).min(1, 'Chưa chọn đơn vị nào để ghi'),
      /** For a unit whose files disagree, the file the person took (index in its `files`). */
      choices: z
        .array(z.object({ rowIndex: z.number().int(), file: z.number().int().min(0) }))
        .default([]),
    }),
    output: z.object({ changes: changeSet, files: z.number().int(), cells: z.number().int() }),
  },
  /** Where the table's collected figures came from (file, sheet, cell, when), per cell. */
  'collect.sources': {
    input: z.object({ tableId: z.number().int() }),
    output: z.array(
      z.object({
        rowId: z.number().int(),
        columnId: z.number().int(),
        file: z.string(),
        sheet: z.string(),
        cell: z.string(),
        time: z.string(),
        user: z.string(),
      }),
    ),
  },
} as const;

/**
 * The calls by domain: each domain has one handler module on the Node side
 * (electron/api/*-handlers.ts), which must answer every call of its domain.
 */
export const callDomains = {
  app: appCalls,
  documents: documentCalls,
  tables: tableCalls,
  edits: editCalls,
  transfer: transferCalls,
  rules: ruleCalls,
  collect: collectCalls,
} as const;

export const api = {
  ...appCalls,
  ...documentCalls,
  ...tableCalls,
  ...editCalls,
  ...transferCalls,
  ...ruleCalls,
  ...collectCalls,
} as const;

export type Api = typeof api;
export type CallName = keyof Api;
export type CallDomain = keyof typeof callDomains;
/** The calls of one domain. */
export type DomainCallName<D extends CallDomain> = keyof (typeof callDomains)[D] & CallName;
export type CallInput<N extends CallName> = z.input<Api[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Api[N]['output']>;
export type DocumentInfo = z.output<typeof documentInfo>;
export type TemplateInfo = z.output<typeof templateInfo>;
export type CellEdit = z.output<typeof cellEdit>;
export type PasteInput = z.output<(typeof api)['table.paste']['input']>;
export type ChangeSet = z.output<typeof changeSet>;
/**
 * The calls that answer with a ChangeSet (the renderer runs them one after another and applies
 * what they changed): derived from the contract, so a new such call is one at once.
 */
export type ChangeCall = {
  [N in CallName]: [CallOutput<N>] extends [ChangeSet]
    ? [ChangeSet] extends [CallOutput<N>]
      ? N
      : never
    : never;
}[CallName];
export type ColumnSpec = z.output<typeof columnSpec>;
export type RecentDocument = z.output<typeof recentDocument>;
export type HistoryEntry = z.output<typeof historyEntry>;
export type BackupInfo = z.output<typeof backupInfo>;
export type JobStatus = z.output<typeof jobStatus>;
export type ImportPreview = z.output<typeof importPreview>;
export type CollectView = z.output<typeof collectView>;
export type ImportedTable = z.output<typeof importedTable>;
export type ImportChoice = z.output<typeof importChoice>;
export type ExportPreview = z.output<typeof exportPreview>;
export type RuleInfo = z.output<typeof ruleInfo>;
export type LinkProposalInfo = z.output<typeof linkProposal>;
export type ColumnRefInfo = z.output<typeof columnRef>;

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

/** An error whose message is meant for the user (Vietnamese) and is safe to show as is. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly code:
      | 'bad-input'
      | 'not-found'
      | 'read-only'
      | 'not-a-document'
      /** The target file exists: the call may be repeated with the person's confirmation. */
      | 'exists'
      | 'failed' = 'failed',
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** The reply both transports send: a result or a user-facing error, never a stack trace. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; code: string };

/**
 * Validate a call's input. Returns the parsed input or a UserError naming what was wrong, in
 * Vietnamese, e.g. `Lệnh "cells.set" có tham số sai: edits.0.rowId — …`.
 */
export function parseInput<N extends CallName>(name: N, input: unknown): z.output<Api[N]['input']> {
  const result = api[name].input.safeParse(input ?? {});
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.length ? i.path.join('.') : '(toàn bộ)'}: ${describeIssue(i)}`)
      .join('; ');
    throw new UserError(`Lệnh "${name}" có tham số sai — ${issues}`, 'bad-input');
  }
  return result.data as z.output<Api[N]['input']>;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `cần kiểu ${issue.expected}`;
    case 'too_small':
      return issue.message.startsWith('Too small') ? 'quá nhỏ hoặc rỗng' : issue.message;
    case 'unrecognized_keys':
      return `khóa không hợp lệ ${issue.keys.join(', ')}`;
    case 'invalid_value':
      return 'giá trị không nằm trong danh sách cho phép';
    default:
      return issue.message;
  }
}
