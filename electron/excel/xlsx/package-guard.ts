/**
 * Refusing a file that must not be read, in milliseconds and with one clear Vietnamese sentence
 * naming the file: an empty file, something that is not a workbook, an old binary .xls, a
 * password-protected workbook, a truncated download, and a "bomb" — a small file whose table of
 * contents claims hundreds of megabytes or an absurd compression. Only the zip's table of
 * contents and the first kilobytes of two small parts are read. What a sheet holds is measured
 * while it is read (sheet-reader.ts), never judged from the range it declares.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../shared/api';
import { LIMITS } from './limits';
import { readZipDirectory, type ZipEntry } from './zip-directory';
import { peekEntry } from './zip-entry';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream an encrypted OOXML file keeps inside its compound file, as UTF-16LE. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

const refuse = (message: string): never => {
  throw new UserError(message, 'bad-input');
};

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024)).toLocaleString('vi-VN')} MB`;
}

function oldFormat(name: string): never {
  return refuse(
    `Tệp «${name}» ở định dạng Excel cũ (.xls), hãy lưu lại thành .xlsx (trong Excel: Tệp › Lưu thành › Sổ làm việc Excel) rồi nhập lại.`,
  );
}

/** Looks for the EncryptedPackage stream name anywhere in a compound file, in 1 MB steps. */
function isEncryptedPackage(fd: number, size: number): boolean {
  const chunk = 1024 * 1024;
  const buffer = Buffer.alloc(chunk + ENCRYPTED_PACKAGE.length);
  for (let position = 0; position < size; position += chunk) {
    const n = fs.readSync(fd, buffer, 0, buffer.length, position);
    if (buffer.subarray(0, n).includes(ENCRYPTED_PACKAGE)) return true;
  }
  return false;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Sheet names by part name ("xl/worksheets/sheet1.xml" → "Dân số"), when the workbook says. */
function sheetNames(fd: number, size: number, entries: ZipEntry[]): Map<string, string> {
  const names = new Map<string, string>();
  const find = (name: string) => entries.find((e) => e.name.toLowerCase() === name);
  const workbook = find('xl/workbook.xml');
  const rels = find('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return names;
  const wb = peekEntry(fd, size, workbook, 256 * 1024)?.toString('utf8') ?? '';
  const rl = peekEntry(fd, size, rels, 256 * 1024)?.toString('utf8') ?? '';
  const targets = new Map<string, string>();
  for (const m of rl.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of wb.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? /\b\w+:id="([^"]+)"/.exec(m[0])?.[1];
    const target = id && targets.get(id);
    if (name !== undefined && target)
      names.set(path.posix.normalize(target).toLowerCase(), decodeXml(name));
  }
  return names;
}

/** What the guard learnt from the zip's table of contents, for the reader. */
export interface WorkbookFacts {
  /**
   * The workbook carries Excel's calculation chain (xl/calcChain.xml): Excel computed and saved
   * its formulas. Files written by libraries have none, and often save 0 for every formula.
   */
  calculatedByExcel: boolean;
  /** The zip's table of contents, for the reader. */
  entries: ZipEntry[];
}

/** What a file is, by its content (never by its name alone). */
export type FileKind = 'xlsx' | 'xls' | 'ods' | 'docx';

/** The kind of package a zip's entries make. */
function zipKind(fd: number, size: number, entries: ZipEntry[]): FileKind | null {
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('word/document.xml')) return 'docx';
  const mimetype = entries.find((e) => e.name === 'mimetype');
  if (names.has('content.xml') && mimetype) {
    const text = peekEntry(fd, size, mimetype, 256)?.toString('latin1') ?? '';
    if (text.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  }
  return null;
}

function checkZip(fd: number, size: number, name: string): WorkbookFacts & { kind: FileKind } {
  const directory = readZipDirectory(fd, size);
  if (!directory.ok) {
    if (directory.problem === 'no-end-record') {
      refuse(
        `Tệp «${name}» bị cắt cụt hoặc chưa tải về hết (thiếu phần mục lục ở cuối tệp nén); hãy lấy lại bản đầy đủ.`,
      );
    }
    refuse(`Tệp «${name}» bị hỏng: mục lục của tệp nén không đọc được.`);
  }
  const entries = (directory as { entries: ZipEntry[] }).entries;
  const lower = (e: ZipEntry) => e.name.toLowerCase();
  const kind = zipKind(fd, size, entries);
  if (!kind) {
    if (entries.some((e) => lower(e).startsWith('ppt/')))
      refuse(`Tệp «${name}» là tệp PowerPoint, không phải sổ làm việc hay văn bản báo cáo.`);
    refuse(
      `Tệp «${name}» là tệp nén nhưng không phải sổ làm việc (.xlsx, .ods) hay văn bản Word (.docx).`,
    );
  }
  if (entries.length > LIMITS.entries) {
    refuse(
      `Tệp «${name}» có ${entries.length.toLocaleString('vi-VN')} phần bên trong, quá nhiều với một sổ làm việc; Biểu không mở để tránh treo máy.`,
    );
  }
  if (entries.some((e) => e.encrypted)) {
    refuse(
      `Tệp «${name}» có phần bị mã hóa; hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại trước khi nhập.`,
    );
  }
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > LIMITS.totalBytes) {
    refuse(
      `Tệp «${name}» khi giải nén sẽ chiếm khoảng ${megabytes(total)}, vượt giới hạn ${megabytes(LIMITS.totalBytes)}; Biểu không mở để tránh treo máy.`,
    );
  }
  const names = sheetNames(fd, size, entries);
  const partName = (e: ZipEntry) => {
    const sheet = names.get(path.posix.normalize(e.name).toLowerCase());
    return sheet !== undefined ? `trang tính «${sheet}»` : `phần «${e.name}»`;
  };
  for (const e of entries) {
    if (
      e.uncompressedSize > LIMITS.ratioFloorBytes &&
      e.uncompressedSize > LIMITS.ratio * Math.max(1, e.compressedSize)
    ) {
      refuse(
        `Tệp «${name}» có ${partName(e)} nén bất thường (${megabytes(e.uncompressedSize)} từ ${e.compressedSize.toLocaleString('vi-VN')} byte); Biểu không mở để tránh treo máy.`,
      );
    }
  }
  return {
    kind: kind!,
    calculatedByExcel: entries.some((e) => lower(e) === 'xl/calcchain.xml'),
    entries,
  };
}

/** What the guard found a file to be: an old binary workbook has no zip facts. */
export type GuardedFile = { kind: 'xls' } | { kind: 'xlsx' | 'ods' | 'docx'; facts: WorkbookFacts };

/**
 * Throws a UserError ('bad-input', or 'not-found') when `filePath` must not be opened; returns
 * what the file is (by its content) and what its table of contents says when it may.
 */
export function guardFile(filePath: string): GuardedFile {
  const name = path.basename(filePath);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch {
    throw new UserError(`Không tìm thấy tệp «${name}».`, 'not-found');
  }
  if (stat.isDirectory()) refuse(`«${name}» là một thư mục, không phải tệp để nhập.`);
  if (stat.size === 0) refuse(`Tệp «${name}» trống (0 byte), không có gì để nhập.`);
  if (stat.size > LIMITS.fileBytes) {
    refuse(
      `Tệp «${name}» nặng ${megabytes(stat.size)}, vượt giới hạn ${megabytes(LIMITS.fileBytes)}; Biểu không mở để tránh treo máy.`,
    );
  }
  const fd = fs.openSync(filePath, 'r');
  try {
    const magic = Buffer.alloc(8);
    fs.readSync(fd, magic, 0, 8, 0);
    if (magic.subarray(0, 8).equals(CFB)) {
      if (isEncryptedPackage(fd, stat.size)) {
        refuse(
          `Tệp «${name}» được đặt mật khẩu; hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại trước khi nhập.`,
        );
      }
      return { kind: 'xls' };
    }
    if (magic.subarray(0, 4).equals(EMPTY_ZIP))
      refuse(`Tệp «${name}» là tệp nén rỗng, không phải sổ làm việc Excel.`);
    if (!magic.subarray(0, 4).equals(ZIP)) {
      refuse(
        `Tệp «${name}» không phải là sổ làm việc (.xlsx, .xls, .ods) hay văn bản Word (.docx): nội dung không đúng định dạng nào trong số đó.`,
      );
    }
    const { kind, ...facts } = checkZip(fd, stat.size, name);
    return { kind: kind as 'xlsx' | 'ods' | 'docx', facts };
  } finally {
    fs.closeSync(fd);
  }
}

/** guardFile for a file that must be an .xlsx workbook (the .xlsx reader's own entry). */
export function guardWorkbook(filePath: string): WorkbookFacts {
  const guarded = guardFile(filePath);
  const name = path.basename(filePath);
  if (guarded.kind === 'xls') oldFormat(name);
  if (guarded.kind === 'docx')
    refuse(`Tệp «${name}» là văn bản Word, không phải sổ làm việc Excel.`);
  if (guarded.kind === 'ods')
    refuse(`Tệp «${name}» là bảng tính OpenDocument (.ods), không phải sổ làm việc Excel (.xlsx).`);
  return (guarded as { facts: WorkbookFacts }).facts;
}
