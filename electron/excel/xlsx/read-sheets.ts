/**
 * Streams the worksheets of an .xlsx package in order: the small parts (workbook, relationships,
 * styles) read whole, then the shared strings and each sheet inflated and scanned chunk by chunk,
 * so a large file reports its progress, can be cancelled between any two chunks, and holds one
 * sheet's grid at a time. Every byte comes through zip-entry.ts's bounds, and all parts together
 * may inflate to no more than LIMITS.totalBytes, whatever they declare.
 */
import { StringDecoder } from 'node:string_decoder';
import { LimitExceeded, LIMITS } from './limits';
import { parseRelationships, parseWorkbookXml, resolvePart } from './package-parts';
import { SharedStringsReader } from './shared-strings';
import { SheetReader, type FormulaStats } from './sheet-reader';
import { parseStyles } from './styles';
import type { ZipEntry } from './zip-directory';
import { entryChunks, readEntryOf } from './zip-entry';
import type { SheetGrid } from '../../../shared/import/sheet-grid';

/** Reading fills this share of the progress bar, by compressed bytes; recognition the rest. */
export const READ_START = 0.02;
export const READ_END = 0.85;

/** What reading needs from the import that runs it. */
export interface ReadRun {
  filePath: string;
  /** The file's name, for progress messages. */
  name: string;
  entries: readonly ZipEntry[];
  progress(fraction: number, message: string): void;
  /** Throws when the import was cancelled. */
  checkCancelled(): void;
}

/** A worksheet as read. */
export interface ReadSheet {
  name: string;
  stats: FormulaStats;
  /** The grid; `distrustZeroResults` marks saved 0s of formulas as not computed. Call once. */
  grid(options?: { distrustZeroResults?: boolean }): SheetGrid;
}

/** The sheet being read when a limit was passed (null: the shared strings or the package). */
export class SheetLimitExceeded extends Error {
  constructor(
    readonly sheet: string | null,
    readonly limit: LimitExceeded,
  ) {
    super(limit.message);
    this.name = 'SheetLimitExceeded';
  }
}

interface PackageParts {
  sheets: { name: string; entry: ZipEntry | null }[];
  sharedStrings: ZipEntry | null;
  styles: (string | undefined)[];
  date1904: boolean;
}

/** The package has no workbook part to read. */
export class NoWorkbookPart extends Error {}

/** The workbook part, its relationships and the styles: small parts, read whole. */
function readPackage(filePath: string, entries: readonly ZipEntry[]): PackageParts {
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e] as const));
  const entry = (part: string) => byName.get(part.toLowerCase()) ?? null;
  const text = (part: string): string | null => {
    const e = entry(part);
    return e ? readEntryOf(filePath, e, 64 * 1024 * 1024).toString('utf8') : null;
  };
  const workbookXml = text('xl/workbook.xml');
  if (workbookXml === null) throw new NoWorkbookPart('xl/workbook.xml');
  const workbook = parseWorkbookXml(workbookXml);
  const rels = parseRelationships(text('xl/_rels/workbook.xml.rels') ?? '');
  const partOf = (kind: string, fallback: string) => {
    const rel = [...rels.values()].find((r) => r.type.endsWith(`/${kind}`) && !r.external);
    return rel ? resolvePart('xl/workbook.xml', rel.target) : fallback;
  };
  const styles = parseStyles(text(partOf('styles', 'xl/styles.xml')) ?? '');
  const sheets = workbook.sheets.flatMap((sheet) => {
    const rel = rels.get(sheet.rid);
    // Chart sheets and dialog sheets hold no cells.
    if (!rel || !rel.type.endsWith('/worksheet')) return [];
    return [{ name: sheet.name, entry: entry(resolvePart('xl/workbook.xml', rel.target)) }];
  });
  return {
    sheets,
    sharedStrings: entry(partOf('sharedStrings', 'xl/sharedStrings.xml')),
    styles,
    date1904: workbook.date1904,
  };
}

/**
 * Streams the workbook's worksheets in order, handing each to `each` once read; a sheet for
 * which `skip` is true is not read (`skipped` is told). Throws ZipEntryError,
 * SheetLimitExceeded, NoWorkbookPart, or whatever `checkCancelled` throws.
 */
export async function readSheets(
  run: ReadRun,
  each: (sheet: ReadSheet) => void,
  skip: (name: string) => boolean,
  skipped: (name: string) => void,
): Promise<void> {
  const parts = readPackage(run.filePath, run.entries);
  const sizeOf = (e: ZipEntry | null) => Math.max(1, e?.compressedSize ?? 0);
  const total =
    (parts.sharedStrings ? sizeOf(parts.sharedStrings) : 0) +
    parts.sheets.filter((s) => !skip(s.name)).reduce((sum, s) => sum + sizeOf(s.entry), 0);
  let done = 0;
  let recognised = 0;
  const at = (bytes: number) => READ_START + ((READ_END - READ_START) * bytes) / total;
  const after = (bytes: number) => READ_END + ((1 - READ_END) * bytes) / total;
  let inflated = 0;

  /** Feeds an entry's text, chunk by chunk, checking for cancellation between chunks. */
  const stream = async (
    entry: ZipEntry,
    feed: (text: string) => void,
    onRead: (compressedBytes: number) => void,
  ) => {
    const decoder = new StringDecoder('utf8');
    for await (const chunk of entryChunks(run.filePath, entry, {
      onRead,
      limit: LIMITS.totalBytes,
    })) {
      run.checkCancelled();
      inflated += chunk.length;
      if (inflated > LIMITS.totalBytes) throw new LimitExceeded({ kind: 'bytes' });
      feed(decoder.write(chunk));
    }
    feed(decoder.end());
  };
  const limited = async <T>(sheet: string | null, work: () => T | Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (e) {
      throw e instanceof LimitExceeded ? new SheetLimitExceeded(sheet, e) : e;
    }
  };

  let sharedStrings: string[] = [];
  if (parts.sharedStrings) {
    const entry = parts.sharedStrings;
    const reader = new SharedStringsReader();
    const message = `Đọc tệp «${run.name}»`;
    run.progress(READ_START, message);
    await limited(null, () =>
      stream(
        entry,
        (t) => reader.feed(t),
        (n) => run.progress(at(n), message),
      ),
    );
    sharedStrings = reader.end();
    done += sizeOf(entry);
    recognised += sizeOf(entry);
  }
  for (const sheet of parts.sheets) {
    run.checkCancelled();
    if (skip(sheet.name)) {
      skipped(sheet.name);
      continue;
    }
    const reader = new SheetReader({
      name: sheet.name,
      sharedStrings,
      styles: parts.styles,
      date1904: parts.date1904,
    });
    const message = `Đọc trang «${sheet.name.trim()}»`;
    run.progress(at(done), message);
    const entry = sheet.entry;
    if (entry) {
      const before = done;
      await limited(sheet.name, () =>
        stream(
          entry,
          (t) => reader.feed(t),
          (n) => run.progress(at(before + n), message),
        ),
      );
    }
    done += sizeOf(entry);
    run.progress(at(done), `Nhận dạng biểu trên trang «${sheet.name.trim()}»`);
    const stats = await limited(sheet.name, () => reader.formulaStats());
    each({ name: sheet.name, stats, grid: (o) => reader.finish(o) });
    recognised += sizeOf(entry);
    run.progress(after(recognised), `Nhận dạng biểu trên trang «${sheet.name.trim()}»`);
  }
}
