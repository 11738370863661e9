/**
 * One import, whatever the file's format: the report being built, the tables found on each
 * sheet's grid (shared/import does the finding), cancellation and progress. The readers of .xlsx,
 * .xls, .ods and .docx each turn their file into SheetGrids and hand them to `recognise`.
 */
import path from 'node:path';
import { UserError } from '../../shared/api';
import type { NumberConvention } from '../../shared/numbers';
import { detectSheet, type DetectedTable } from '../../shared/import/detect-tables';
import type { SheetGrid } from '../../shared/import/sheet-grid';
import { evaluateSheet } from './evaluate/evaluate-sheet';
import { FINDINGS_SHEET_NAME } from './export-findings-sheet';
import type { FormulaStats } from './xlsx/sheet-reader';

export interface ImportOptions {
  /**
   * Progress for a progress bar: `fraction` from 0 to 1 (never going back), `message` in
   * Vietnamese ("Đọc trang «Dân số»…"). Called at most about a hundred times per file.
   */
  onProgress?: (fraction: number, message: string) => void;
  /** Aborting it stops the import at the next chunk: a UserError "Đã hủy nhập tệp «…»." */
  signal?: AbortSignal;
  /** The document's locale, for number strings that read both ways ("1.234"). Default 'vi'. */
  locale?: NumberConvention;
}

export interface ImportReport {
  file: string;
  sheets: { sheet: string; tables: string[]; skipped: string[]; notes: string[] }[];
  /** Formula cells inside recognised tables whose result was not saved: kept empty. */
  unevaluated: { sheet: string; table: string; cells: string[] }[];
  /** How columns of number-strings were read. */
  readings: {
    sheet: string;
    table: string;
    column: string;
    convention: NumberConvention;
    strings: number;
    reason: string;
  }[];
}

export interface ImportResult {
  tables: DetectedTable[];
  report: ImportReport;
  /** A Word report's body paragraphs (outside tables), in order: what its text checks read. */
  text?: { paragraphs: string[] };
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let k = 2; taken.has(candidate); k++) candidate = `${name} (${k})`;
  taken.add(candidate);
  return candidate;
}

/** Biểu's own findings sheet, written by the export: a report about tables, not a table. */
export function isFindingsSheet(name: string): boolean {
  return name.normalize('NFC').trim().toLowerCase() === FINDINGS_SHEET_NAME.toLowerCase();
}

/** Progress that only moves forward, and not more often than every 1 %. */
export function progressReporter(onProgress: ImportOptions['onProgress']) {
  let last = -1;
  let lastMessage = '';
  return (fraction: number, message: string) => {
    if (!onProgress) return;
    const f = Math.min(1, Math.max(last, fraction));
    if (f - last < 0.01 && message === lastMessage && f < 1) return;
    last = f;
    lastMessage = message;
    onProgress(f, message);
  };
}

/** Where the import stands: the file, the report being built, cancellation, progress. */
export class ImportRun {
  readonly name: string;
  readonly report: ImportReport;
  readonly tables: DetectedTable[] = [];
  private readonly taken = new Set<string>();
  readonly progress: (fraction: number, message: string) => void;

  constructor(
    readonly filePath: string,
    readonly options: ImportOptions,
    progress: (fraction: number, message: string) => void,
  ) {
    this.name = path.basename(filePath);
    this.report = { file: this.name, sheets: [], unevaluated: [], readings: [] };
    this.progress = progress;
  }

  /** A run that reports progress through `options.onProgress`, started: not yet cancelled. */
  static begin(filePath: string, options: ImportOptions): ImportRun {
    const run = new ImportRun(filePath, options, progressReporter(options.onProgress));
    run.checkCancelled();
    run.progress(0.02, `Đọc tệp «${run.name}»`);
    return run;
  }

  checkCancelled(): void {
    if (this.options.signal?.aborted) throw cancelled(this.name);
  }

  skipFindingsSheet(sheet: string): void {
    this.report.sheets.push({
      sheet,
      tables: [],
      skipped: [
        `Bỏ qua trang «${sheet.trim()}»: đó là bảng kết quả kiểm tra do Biểu xuất kèm, không phải số liệu.`,
      ],
      notes: [],
    });
  }

  /** Finds the tables on one sheet and adds them to the result. */
  recognise(sheet: string, grid: () => SheetGrid, stats: FormulaStats, distrust: boolean): void {
    const notes: string[] = [];
    if (distrust) {
      notes.push(
        `Trang «${sheet.trim()}»: tệp chưa được Excel tính lại và ${stats.placeholders}/${stats.formulas} công thức lưu kết quả 0 hoặc trống, nên các kết quả đó được coi là chưa tính (không coi là 0).`,
      );
    }
    let detection;
    try {
      const read = grid();
      // What the file did not save is computed from the sheet's own cells, as Excel would.
      const { computed, failed } = evaluateSheet(read);
      if (computed > 0) {
        notes.push(
          `Trang «${sheet.trim()}»: Biểu đã tự tính ${computed} công thức không có kết quả lưu trong tệp` +
            (failed > 0
              ? `; ${failed} công thức không tính được nên để trống (không coi là 0).`
              : '.'),
        );
      }
      detection = detectSheet(read, { locale: this.options.locale ?? 'vi' });
    } catch {
      // A sheet the reader cannot make sense of is reported, not allowed to sink the workbook.
      this.report.sheets.push({
        sheet,
        tables: [],
        skipped: [
          `Trang «${sheet.trim()}» không đọc được: Biểu chưa nhận dạng được cách trình bày của trang này.`,
        ],
        notes,
      });
      return;
    }
    for (const t of detection.tables) {
      t.doubts.unshift(...notes);
      t.table.name = uniqueName(t.table.name, this.taken);
      this.tables.push(t);
      if (t.unevaluated.length > 0)
        this.report.unevaluated.push({ sheet: t.sheet, table: t.table.name, cells: t.unevaluated });
      for (const r of t.readings) {
        this.report.readings.push({
          sheet: t.sheet,
          table: t.table.name,
          column: r.letter,
          convention: r.convention,
          strings: r.strings,
          reason: r.reason,
        });
      }
    }
    this.report.sheets.push({
      sheet,
      tables: detection.tables.map((t) => t.table.name),
      skipped: detection.skipped,
      notes,
    });
  }

  result(): ImportResult {
    this.progress(1, `Đã đọc xong tệp «${this.name}»`);
    return { tables: this.tables, report: this.report };
  }
}

export function cancelled(name: string): UserError {
  return new UserError(`Đã hủy nhập tệp «${name}»; tài liệu không thay đổi.`, 'failed');
}
