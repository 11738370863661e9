/**
 * Exporting from an open document: the whole document or one table, with the document's
 * metadata for the header and signature blocks. What the CLI's `bieu export` and the app's
 * "Xuất Excel…" both call.
 */
import path from 'node:path';
import { UserError } from '../../shared/api';
import type { Table } from '../../shared/model';
import type { DocumentStore } from '../store/document-store';
import { writeWorkbookFile } from './export-file';
import { checkTable } from '../../shared/checks/engine';
import {
  appendixMeta,
  attachmentLine,
  issuingBody,
  placeDateLine,
  referenceLine,
  type AppendixMeta,
} from './export-meta';
import {
  buildAppendixWorkbook,
  type AppendixOptions,
  type AppendixWorkbook,
} from './export-workbook';

export interface ExportRequest extends AppendixOptions {
  /** The name of the one table to export; all tables when absent. */
  table?: string;
}

export interface ExportSummary {
  file: string;
  sheets: AppendixWorkbook['sheets'];
  findingsSheet: string | null;
  errors: number;
  warnings: number;
}

/** The tables an export covers; an unknown table name is refused with the names there are. */
export function tablesToExport(store: DocumentStore, tableName?: string): Table[] {
  const doc = path.basename(store.path);
  if (tableName === undefined) {
    const tables = store.listTables().map((t) => store.getTable(t.id));
    if (tables.length === 0)
      throw new UserError(`Tài liệu «${doc}» chưa có biểu nào để xuất.`, 'bad-input');
    return tables;
  }
  const table = store.tableByName(tableName);
  if (!table) {
    const names = store.listTables().map((t) => `«${t.name}»`);
    throw new UserError(
      `Tài liệu «${doc}» không có biểu «${tableName}»; các biểu có trong tài liệu: ${names.join(', ') || '(không có)'}.`,
      'not-found',
    );
  }
  return [table];
}

export async function exportDocument(
  store: DocumentStore,
  outPath: string,
  request: ExportRequest = {},
): Promise<ExportSummary> {
  const tables = tablesToExport(store, request.table);
  const built = buildAppendixWorkbook(tables, appendixMeta(store.getMeta()), request);
  const file = await writeWorkbookFile(built.workbook, outPath);
  return {
    file,
    sheets: built.sheets,
    findingsSheet: built.findingsSheet,
    errors: built.findings.filter((f) => f.severity === 'error').length,
    warnings: built.findings.filter((f) => f.severity === 'warning').length,
  };
}

/** What the "Xuất Excel…" dialog shows before exporting: the header block and the open findings. */
export interface ExportPreview {
  meta: AppendixMeta;
  lines: {
    agency: string;
    office: string;
    attachment: string;
    referenceDate: string;
    placeDate: string;
  };
  /** Per table: its title and open findings; the app warns before exporting open errors. */
  tables: { name: string; title: string; errors: number; warnings: number }[];
}

export function exportPreview(store: DocumentStore, tableName?: string): ExportPreview {
  const meta = appendixMeta(store.getMeta());
  const body = issuingBody(meta);
  return {
    meta,
    lines: {
      agency: body.agency,
      office: body.office,
      attachment: attachmentLine(meta),
      referenceDate: referenceLine(meta),
      placeDate: placeDateLine(meta),
    },
    tables: tablesToExport(store, tableName).map((table) => {
      const findings = checkTable(table, { suggestions: false });
      return {
        name: table.name,
        title: table.title.trim() || table.name,
        errors: findings.filter((f) => f.severity === 'error').length,
        warnings: findings.filter((f) => f.severity === 'warning').length,
      };
    }),
  };
}
