/**
 * An OpenDocument spreadsheet read through Biểu's own zip bounds before SheetJS sees it: every
 * entry is inflated by xlsx/zip-entry.ts (declared sizes, lying sizes, damaged streams, the total
 * limit), content.xml is scanned for what its sheets really hold — cells with a value, counted
 * with their row and column repeats, since SheetJS expands repeated value cells one by one — and
 * the parts are handed over repacked as a stored zip, so SheetJS inflates nothing itself.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { LimitExceeded, LIMITS } from '../xlsx/limits';
import { readZipDirectory, type ZipEntry } from '../xlsx/zip-directory';
import { readEntry } from '../xlsx/zip-entry';
import { attributes, XmlScanner } from '../xlsx/xml-scan';

/** A sheet of content.xml holds more than Biểu reads (its name for the sentence). */
export class OdsSheetLimit extends Error {
  constructor(
    readonly sheet: string,
    readonly limit: LimitExceeded,
  ) {
    super(limit.message);
    this.name = 'OdsSheetLimit';
  }
}

/**
 * Counts the value cells of each table in content.xml, with repeats; throws OdsSheetLimit past
 * LIMITS (cells, last row, last column).
 */
export function scanOdsContent(xml: string): void {
  let sheet = '';
  let row = 0;
  let col = 0;
  let rowRepeat = 1;
  let present = 0;
  const fail = (problem: LimitExceeded['problem']) => {
    throw new OdsSheetLimit(sheet, new LimitExceeded(problem));
  };
  const scanner = new XmlScanner({
    capturing: false,
    open(name, tag) {
      if (name === 'table') {
        sheet = attributes(tag)['table:name'] ?? '';
        row = 0;
        present = 0;
      } else if (name === 'table-row') {
        rowRepeat = Math.max(1, Number(attributes(tag)['table:number-rows-repeated']) || 1);
        col = 0;
      } else if (name === 'table-cell' || name === 'covered-table-cell') {
        const a = attributes(tag);
        const repeat = Math.max(1, Number(a['table:number-columns-repeated']) || 1);
        if (name === 'table-cell' && a['office:value-type'] !== undefined) {
          if (row >= LIMITS.lastRow) fail({ kind: 'row', row: row + 1 });
          if (col + repeat > LIMITS.lastColumn)
            fail({ kind: 'column', ref: `cột ${col + repeat}`, column: col + repeat });
          present += repeat * rowRepeat;
          if (present > LIMITS.sheetCells) fail({ kind: 'cells', count: present });
        }
        col += repeat;
      }
    },
    close(name) {
      if (name === 'table-row') row += rowRepeat;
    },
    text() {},
  });
  scanner.feed(xml);
  scanner.end();
}

function storedZip(parts: { name: string; data: Buffer }[]): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of parts) {
    const n = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(0x800, 8);
    head.writeUInt32LE(crc, 16);
    head.writeUInt32LE(data.length, 20);
    head.writeUInt32LE(data.length, 24);
    head.writeUInt16LE(n.length, 28);
    head.writeUInt32LE(offset, 42);
    out.push(local, n, data);
    central.push(head, n);
    offset += 30 + n.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, directory, end]);
}

/** The parts SheetJS reads of an .ods; pictures and thumbnails stay out. */
const NEEDED =
  /^(mimetype|content\.xml|styles\.xml|meta\.xml|settings\.xml|META-INF\/manifest\.xml)$/;

/**
 * The .ods at `filePath` (already judged by its table of contents: xlsx/package-guard.ts'
 * checkZip) as a stored zip of the parts SheetJS needs. Throws ZipEntryError, OdsSheetLimit.
 */
export function repackOds(filePath: string, entries: readonly ZipEntry[]): Buffer {
  const fd = fs.openSync(filePath, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    let total = 0;
    const parts = entries
      .filter((e) => NEEDED.test(e.name))
      .map((e) => {
        const data = readEntry(fd, size, e, LIMITS.totalBytes);
        total += data.length;
        if (total > LIMITS.totalBytes)
          throw new OdsSheetLimit('', new LimitExceeded({ kind: 'bytes' }));
        return { name: e.name, data };
      });
    const content = parts.find((p) => p.name === 'content.xml');
    if (content) scanOdsContent(content.data.toString('utf8'));
    return storedZip(parts);
  } finally {
    fs.closeSync(fd);
  }
}

/** The zip's table of contents, or null when it has none readable. */
export function odsEntries(filePath: string): ZipEntry[] | null {
  const fd = fs.openSync(filePath, 'r');
  try {
    const dir = readZipDirectory(fd, fs.fstatSync(fd).size);
    return dir.ok ? dir.entries : null;
  } finally {
    fs.closeSync(fd);
  }
}
