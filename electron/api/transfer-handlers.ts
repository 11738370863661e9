/**
 * Import and export calls: the importer (.xlsx, .xls, .ods, .docx) runs as a job (progress, cancel), its preview is
 * shown before anything is stored, and the accepted tables — with the user's corrections — are
 * stored as one undoable action (new tables) and one more when figures go onto existing tables.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError, type ChangeSet, type ImportChoice, type ImportPreview } from '../../shared/api';
import { mapOntoTable } from '../../shared/import/map-onto-table';
import type { DetectedTable, TableDraft } from '../../shared/import/detect-tables';
import { columnLetter } from '../../shared/model';
import { reportTextFindings } from '../../shared/report-text/report-findings';
import { exportDocument, exportPreview } from '../excel/export-document';
import { exportTarget } from '../excel/export-target';
import { importFile, type ImportResult } from '../excel/import-file';
import type { NewTableInput } from '../store/new-table';
import type { DomainHandlers } from './handlers';
import { JobRunner } from './jobs';
import type { AppSession } from './app-session';

export function createTransferHandlers(session: AppSession): DomainHandlers<'transfer'> {
  const imports = new JobRunner<ImportResult>();

  const tableName = (tableId: number | undefined) =>
    tableId === undefined ? undefined : session.require().getTable(tableId).name;

  return {
    'job.status': ({ jobId }) => imports.status(jobId),
    'job.cancel': ({ jobId }) => imports.cancel(jobId),
    'import.start': ({ path: file }) =>
      imports.start(
        (onProgress, signal) => importFile(path.resolve(file), { onProgress, signal }),
        `Đang đọc «${path.basename(file)}»…`,
      ),
    'import.upload': ({ name, data }) => {
      // Under its own name in a folder of its own, so the preview and the findings name the
      // file as the person knows it; the folder goes once the file is read.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-upload-'));
      const base = path.basename(name.replace(/\\/g, '/'));
      const file = path.join(dir, base === '' || base === '.' || base === '..' ? 'tep' : base);
      fs.writeFileSync(file, Buffer.from(data, 'base64'));
      return imports.start(
        async (onProgress, signal) => {
          try {
            return await importFile(file, { onProgress, signal });
          } finally {
            fs.rmSync(dir, { recursive: true, force: true });
          }
        },
        `Đang đọc «${path.basename(file)}»…`,
      );
    },
    'import.preview': ({ jobId }) => preview(imports.result(jobId)),
    'import.accept': ({ jobId, tables }) => accept(session, imports.result(jobId), tables),
    'export.preview': ({ tableId }) => exportPreview(session.require(), tableName(tableId)),
    'export.run': async ({ path: out, tableId, valuesOnly, replace, findingsSheet }) => {
      const store = session.require();
      const target = exportTarget(out, store.path, replace);
      const summary = await exportDocument(store, target, {
        table: tableName(tableId),
        valuesOnly,
        findingsSheet,
      });
      return {
        file: summary.file,
        sheets: summary.sheets.map((s) => s.sheet),
        findingsSheet: summary.findingsSheet,
        errors: summary.errors,
        warnings: summary.warnings,
      };
    },
  };
}

function preview(result: ImportResult): ImportPreview {
  return {
    file: result.report.file,
    skipped: result.report.sheets.flatMap((s) => s.skipped),
    tables: result.tables.map((t, index) => ({
      index,
      sheet: t.sheet,
      name: t.table.name,
      title: t.table.title,
      unit: t.table.unit,
      columns: t.table.columns,
      rows: t.table.rows,
      sourceRows: t.sourceRows,
      sourceColumns: t.sourceColumns.map(columnLetter),
      readings: t.readings.map(({ column, convention, strings, reason }) => ({
        column,
        convention,
        strings,
        reason,
      })),
      doubts: t.doubts,
      unevaluated: t.unevaluated,
    })),
    text: (result.text ? reportTextFindings(result.text.paragraphs, result.tables) : []).map(
      ({ paragraph, sentence, message, figures }) => ({
        paragraph,
        sentence,
        message,
        figures,
      }),
    ),
  };
}

/**
 * The detected table with the user's corrections applied, checked for shape. What the user
 * corrected is theirs: a formula or a role Biểu inferred stays inferred only where the user
 * left it as read (whatever the caller says of it).
 */
function corrected(detected: DetectedTable, choice: ImportChoice): TableDraft {
  const draft = detected.table;
  const chosen = choice.columns ?? draft.columns;
  if (chosen.length !== draft.columns.length) {
    throw new UserError(
      `Biểu «${choice.name}»: cần đúng ${draft.columns.length} cột như khi đọc, nhận được ${chosen.length}.`,
      'bad-input',
    );
  }
  if (choice.roles && choice.roles.length !== draft.rows.length) {
    throw new UserError(
      `Biểu «${choice.name}»: cần vai trò cho đúng ${draft.rows.length} dòng, nhận được ${choice.roles.length}.`,
      'bad-input',
    );
  }
  const columns = chosen.map(({ formulaBasis: _said, ...c }, i) => {
    const read = draft.columns[i];
    return read.formulaBasis && c.formula === read.formula
      ? { ...c, formulaBasis: read.formulaBasis }
      : c;
  });
  const rows = draft.rows.map(({ roleBasis, ...r }, i) => {
    const role = choice.roles?.[i] ?? r.role;
    return roleBasis && role === r.role ? { ...r, roleBasis } : { ...r, role };
  });
  return { ...draft, name: choice.name, columns, rows };
}

function accept(
  session: AppSession,
  result: ImportResult,
  choices: ImportChoice[],
): { changes: ChangeSet; notes: string[] } {
  const store = session.require();
  const notes: string[] = [];
  const taken = new Set(store.listTables().map((t) => t.name));
  const fresh: NewTableInput[] = [];
  const onto: { tableId: number; draft: TableDraft }[] = [];

  for (const choice of choices) {
    const detected = result.tables[choice.index];
    if (!detected)
      throw new UserError(`Không có biểu số ${choice.index + 1} trong tệp đã đọc.`, 'bad-input');
    const draft = corrected(detected, choice);
    if (choice.target === 'new') {
      let name = draft.name;
      for (let k = 2; taken.has(name); k++) name = `${draft.name} (${k})`;
      if (name !== draft.name)
        notes.push(`Đã có biểu «${draft.name}»: biểu mới được đặt tên «${name}».`);
      taken.add(name);
      fresh.push({ ...draft, name });
    } else {
      store.getTable(choice.target); // a wrong id is refused here, before anything is written
      onto.push({ tableId: choice.target, draft });
    }
  }

  // Work out every edit before writing anything, so a refusal changes nothing.
  const edits = onto.flatMap(({ tableId, draft }) => {
    const target = store.getTable(tableId);
    const mapping = mapOntoTable(target, draft);
    notes.push(...mapping.notes);
    return mapping.edits.map((e) => ({
      tableId,
      rowId: target.rows[e.rowIndex].id,
      columnId: target.columns[e.columnIndex].id,
      value: e.value,
    }));
  });

  let changes: ChangeSet = {
    batchId: null,
    changes: [],
    structureChanged: [],
    tableListChanged: false,
    canUndo: store.canUndo(),
    canRedo: store.canRedo(),
  };
  if (fresh.length) {
    const added = store.addTables(fresh, `Nhập ${fresh.length} biểu từ Excel`);
    changes = {
      ...changes,
      structureChanged: added.map((t) => t.id),
      tableListChanged: true,
    };
  }
  if (edits.length) {
    const applied = store.setCells(edits, `Nhập số liệu Excel vào ${onto.length} biểu có sẵn`);
    changes = {
      ...applied,
      structureChanged: changes.structureChanged,
      tableListChanged: changes.tableListChanged,
    };
  }
  return { changes: { ...changes, canUndo: store.canUndo(), canRedo: store.canRedo() }, notes };
}
