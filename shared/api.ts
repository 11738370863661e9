/**
 * The one contract between the renderer and the Node side (DESIGN.md "One API, two transports").
 * Every call has a zod schema for its input and its output; both transports (Electron IPC and the
 * browser host) validate the input against it before any handler runs, so a handler only ever
 * sees well-formed arguments.
 */
import { z } from 'zod';
import { COLUMN_TYPES, ROW_ROLES } from './model';

const cellValue = z.union([z.number().finite(), z.string(), z.null()]);

const column = z.object({
  id: z.number().int(),
  code: z.string(),
  label: z.string(),
  headerPath: z.array(z.string()),
  type: z.enum(COLUMN_TYPES as [string, ...string[]]) as z.ZodType<(typeof COLUMN_TYPES)[number]>,
  decimals: z.number().int().min(0).max(10),
  formula: z.string().nullable(),
});

const row = z.object({
  id: z.number().int(),
  role: z.enum(ROW_ROLES as [string, ...string[]]) as z.ZodType<(typeof ROW_ROLES)[number]>,
  unitKey: z.string().nullable(),
  cells: z.array(cellValue),
});

export const tableSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  title: z.string(),
  unit: z.string(),
  columns: z.array(column),
  rows: z.array(row),
});

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

/** What an edit, undo or redo changed, so the renderer can update its grid without a reload. */
const changeSet = z.object({
  batchId: z.number().int().nullable(),
  changes: z.array(cellEdit),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
});

const path = z.string().min(1, 'Đường dẫn tệp không được để trống');

export const api = {
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
  'document.current': { input: z.object({}), output: documentInfo.nullable() },
  'document.open': { input: z.object({ path }), output: documentInfo },
  'document.create': {
    input: z.object({ path, templateIds: z.array(z.string()).min(1) }),
    output: documentInfo,
  },
  'document.saveAs': { input: z.object({ path }), output: documentInfo },
  'table.get': { input: z.object({ tableId: z.number().int() }), output: tableSchema },
  'cells.set': {
    input: z.object({
      edits: z.array(cellEdit).min(1, 'Không có ô nào để ghi'),
      /** What the user did, for the history ("Sửa ô C8", "Dán 12 ô"). */
      label: z.string().max(200).optional(),
    }),
    output: changeSet,
  },
  'edit.undo': { input: z.object({}), output: changeSet },
  'edit.redo': { input: z.object({}), output: changeSet },
  /** Ask the host for a path with a native dialog; null when the user cancelled. */
  'dialog.pickPath': {
    input: z.object({ purpose: z.enum(['open', 'save']) }),
    output: z.string().nullable(),
  },
} as const;

export type Api = typeof api;
export type CallName = keyof Api;
export type CallInput<N extends CallName> = z.input<Api[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Api[N]['output']>;
export type DocumentInfo = z.output<typeof documentInfo>;
export type TemplateInfo = z.output<typeof templateInfo>;
export type CellEdit = z.output<typeof cellEdit>;
export type ChangeSet = z.output<typeof changeSet>;

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

/** An error whose message is meant for the user (Vietnamese) and is safe to show as is. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly code: 'bad-input' | 'not-found' | 'read-only' | 'not-a-document' | 'failed' = 'failed',
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
