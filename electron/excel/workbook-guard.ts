/**
 * Refusing a file that must not reach exceljs, in milliseconds and with one clear Vietnamese
 * sentence naming the file: an empty file, something that is not a workbook, an old binary .xls,
 * a password-protected workbook, a truncated download, and a "bomb" — a small file that claims
 * hundreds of megabytes, or a sheet that claims more cells than any report has. Only the zip's
 * table of contents and the first kilobytes of a few parts are read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../shared/api';
import { peekEntry, readZipDirectory, type ZipEntry } from './zip-directory';

export const GUARD_LIMITS = {
  /** All parts of the workbook, uncompressed. */
  totalBytes: 200 * 1024 * 1024,
  /** Cells a worksheet's <dimension> may claim. */
  sheetCells: 2_000_000,
  /** A part larger than this must not compress better than `ratio`:1. */
  ratioFloorBytes: 10 * 1024 * 1024,
  ratio: 500,
  sharedStringsBytes: 100 * 1024 * 1024,
  sharedStrings: 2_000_000,
  entries: 10_000,
} as const;

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

/** Rows × columns of an A1 range such as "A1:XFD1048576"; a single cell is 1. */
export function rangeCells(ref: string): number {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return 0;
  const col = (letters: string) =>
    [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  if (!m[3]) return 1;
  const rows = Math.abs(Number(m[4]) - Number(m[2])) + 1;
  const cols = Math.abs(col(m[3]) - col(m[1])) + 1;
  return rows * cols;
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

function checkZip(fd: number, size: number, name: string): WorkbookFacts {
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
  if (!entries.some((e) => lower(e) === 'xl/workbook.xml')) {
    if (entries.some((e) => lower(e).startsWith('word/')))
      refuse(`Tệp «${name}» là văn bản Word, không phải sổ làm việc Excel.`);
    if (entries.some((e) => lower(e).startsWith('ppt/')))
      refuse(`Tệp «${name}» là tệp PowerPoint, không phải sổ làm việc Excel.`);
    refuse(`Tệp «${name}» là tệp nén nhưng không phải sổ làm việc Excel (.xlsx).`);
  }
  if (entries.length > GUARD_LIMITS.entries) {
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
  if (total > GUARD_LIMITS.totalBytes) {
    refuse(
      `Tệp «${name}» khi giải nén sẽ chiếm khoảng ${megabytes(total)}, vượt giới hạn ${megabytes(GUARD_LIMITS.totalBytes)}; Biểu không mở để tránh treo máy.`,
    );
  }
  const names = sheetNames(fd, size, entries);
  const partName = (e: ZipEntry) => {
    const sheet = names.get(path.posix.normalize(e.name).toLowerCase());
    return sheet !== undefined ? `trang tính «${sheet}»` : `phần «${e.name}»`;
  };
  for (const e of entries) {
    if (
      e.uncompressedSize > GUARD_LIMITS.ratioFloorBytes &&
      e.uncompressedSize > GUARD_LIMITS.ratio * Math.max(1, e.compressedSize)
    ) {
      refuse(
        `Tệp «${name}» có ${partName(e)} nén bất thường (${megabytes(e.uncompressedSize)} từ ${e.compressedSize.toLocaleString('vi-VN')} byte); Biểu không mở để tránh treo máy.`,
      );
    }
  }
  for (const e of entries) {
    const part = lower(e);
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(part)) {
      const head = peekEntry(fd, size, e);
      if (!head) refuse(`Tệp «${name}» bị hỏng: không đọc được ${partName(e)}.`);
      const ref = /<(?:\w+:)?dimension\s+ref="([^"]+)"/.exec(head!.toString('utf8'))?.[1];
      const cells = ref ? rangeCells(ref) : 0;
      if (cells > GUARD_LIMITS.sheetCells) {
        refuse(
          `Tệp «${name}»: ${partName(e)} khai báo vùng ${ref} (${cells.toLocaleString('vi-VN')} ô, giới hạn ${GUARD_LIMITS.sheetCells.toLocaleString('vi-VN')} ô); Biểu không mở để tránh treo máy.`,
        );
      }
    } else if (part === 'xl/sharedstrings.xml') {
      if (e.uncompressedSize > GUARD_LIMITS.sharedStringsBytes) {
        refuse(
          `Tệp «${name}» có bảng chữ dùng chung quá lớn (${megabytes(e.uncompressedSize)}); Biểu không mở để tránh treo máy.`,
        );
      }
      const head = peekEntry(fd, size, e, 4096)?.toString('utf8') ?? '';
      const unique = Number(/\buniqueCount="(\d+)"/.exec(head)?.[1] ?? 0);
      if (unique > GUARD_LIMITS.sharedStrings) {
        refuse(
          `Tệp «${name}» khai báo ${unique.toLocaleString('vi-VN')} chuỗi chữ dùng chung, quá nhiều với một sổ làm việc; Biểu không mở để tránh treo máy.`,
        );
      }
    }
  }
  return { calculatedByExcel: entries.some((e) => lower(e) === 'xl/calcchain.xml'), entries };
}

/**
 * Throws a UserError ('bad-input', or 'not-found') when `filePath` must not be opened as an
 * .xlsx workbook; returns what its table of contents says when it may.
 */
export function guardWorkbook(filePath: string): WorkbookFacts {
  const name = path.basename(filePath);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch {
    throw new UserError(`Không tìm thấy tệp «${name}».`, 'not-found');
  }
  if (stat.isDirectory()) refuse(`«${name}» là một thư mục, không phải tệp Excel.`);
  if (path.extname(name).toLowerCase() === '.xls') oldFormat(name);
  if (stat.size === 0) refuse(`Tệp «${name}» trống (0 byte), không có gì để nhập.`);
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
      oldFormat(name);
    }
    if (magic.subarray(0, 4).equals(EMPTY_ZIP))
      refuse(`Tệp «${name}» là tệp nén rỗng, không phải sổ làm việc Excel.`);
    if (!magic.subarray(0, 4).equals(ZIP)) {
      refuse(
        `Tệp «${name}» không phải là tệp Excel .xlsx (nội dung không đúng định dạng sổ làm việc).`,
      );
    }
    return checkZip(fd, stat.size, name);
  } finally {
    fs.closeSync(fd);
  }
}
