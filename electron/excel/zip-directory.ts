/**
 * A reader for a zip file's central directory — the table of contents at the end of the file —
 * and for the first bytes of one entry. It inflates nothing but what it is asked to peek at, so
 * a damaged or hostile file (a truncated download, a "zip bomb") can be judged in milliseconds,
 * before exceljs inflates everything. PKWARE APPNOTE 6.3: end of central directory, its zip64
 * form, central directory headers, local file headers.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  /** General purpose flag bit 0: the entry is encrypted. */
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export type ZipDirectory =
  { ok: true; entries: ZipEntry[] } | { ok: false; problem: 'no-end-record' | 'bad-directory' };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65 535 bytes. */
const TAIL = 22 + 0xffff;
/** A central directory larger than this is not an Excel workbook's. */
const MAX_DIRECTORY = 64 * 1024 * 1024;

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const n = fs.readSync(fd, buffer, read, length - read, position + read);
    if (n === 0) break;
    read += n;
  }
  return buffer.subarray(0, read);
}

function u64(buffer: Buffer, offset: number): number {
  return Number(buffer.readBigUInt64LE(offset));
}

export function readZipDirectory(fd: number, size: number): ZipDirectory {
  const tailStart = Math.max(0, size - TAIL);
  const tail = readAt(fd, tailStart, size - tailStart);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) return { ok: false, problem: 'no-end-record' };
  let count = tail.readUInt16LE(at + 10);
  let dirSize = tail.readUInt32LE(at + 12);
  let dirOffset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const locatorAt = tailStart + at - 20;
    if (locatorAt < 0) return { ok: false, problem: 'bad-directory' };
    const locator = readAt(fd, locatorAt, 20);
    if (locator.length < 20 || locator.readUInt32LE(0) !== ZIP64_LOCATOR)
      return { ok: false, problem: 'bad-directory' };
    const record = readAt(fd, u64(locator, 8), 56);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD)
      return { ok: false, problem: 'bad-directory' };
    count = u64(record, 32);
    dirSize = u64(record, 40);
    dirOffset = u64(record, 48);
  }
  if (dirSize > MAX_DIRECTORY || dirOffset + dirSize > size)
    return { ok: false, problem: 'bad-directory' };
  const dir = readAt(fd, dirOffset, dirSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL)
      return { ok: false, problem: 'bad-directory' };
    const flags = dir.readUInt16LE(p + 8);
    const method = dir.readUInt16LE(p + 10);
    let compressedSize = dir.readUInt32LE(p + 20);
    let uncompressedSize = dir.readUInt32LE(p + 24);
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    let localHeaderOffset = dir.readUInt32LE(p + 42);
    if (p + 46 + nameLength + extraLength > dir.length)
      return { ok: false, problem: 'bad-directory' };
    const name = dir.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
    // Zip64 extra field: the 64-bit values, in this order, of the fields that were saturated.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = dir.readUInt16LE(e);
      const length = dir.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const fieldEnd = e + 4 + length;
        if (uncompressedSize === 0xffffffff && q + 8 <= fieldEnd) {
          uncompressedSize = u64(dir, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= fieldEnd) {
          compressedSize = u64(dir, q);
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff && q + 8 <= fieldEnd) localHeaderOffset = u64(dir, q);
      }
      e += 4 + length;
    }
    entries.push({
      name,
      method,
      encrypted: (flags & 1) === 1,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    p = extraEnd + commentLength;
  }
  return { ok: true, entries };
}

/**
 * The first bytes of an entry's content (up to `limit`), inflating only a small prefix of it.
 * Returns null when the entry cannot be read (bad local header, unknown method).
 */
export function peekEntry(
  fd: number,
  size: number,
  entry: ZipEntry,
  limit = 64 * 1024,
): Buffer | null {
  const header = readAt(fd, entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) return null;
  const dataStart =
    entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (dataStart > size) return null;
  if (entry.method === 0) return readAt(fd, dataStart, Math.min(limit, entry.compressedSize));
  if (entry.method !== 8) return null;
  // Deflate expands at most ~1032:1, so this many input bytes stay under ~10 MB of output.
  const input = readAt(fd, dataStart, Math.min(entry.compressedSize, Math.ceil(limit / 8) + 1024));
  try {
    const out = zlib.inflateRawSync(input, {
      finishFlush: zlib.constants.Z_SYNC_FLUSH,
      maxOutputLength: 16 * 1024 * 1024,
    });
    return out.subarray(0, limit);
  } catch {
    return null;
  }
}

/** An entry that inflates to more than it may (its declared size, or the caller's limit). */
export class ZipEntryTooLarge extends Error {
  constructor(readonly entry: ZipEntry) {
    super(`${entry.name}: more data than declared`);
    this.name = 'ZipEntryTooLarge';
  }
}

/** Where an entry's compressed data starts, from its local header; null when it is damaged. */
function dataStart(fd: number, size: number, entry: ZipEntry): number | null {
  const header = readAt(fd, entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) return null;
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  return start + entry.compressedSize > size ? null : start;
}

/** Output allowed for an entry: what it declares, with slack for a sloppy writer. */
function outputLimit(entry: ZipEntry, limit: number): number {
  return Math.min(limit, Math.max(entry.uncompressedSize * 2, entry.uncompressedSize + (1 << 20)));
}

/**
 * The whole content of a (small) entry, or null when it cannot be read. Throws ZipEntryTooLarge
 * when it inflates beyond what it declares or `limit`.
 */
export function readEntry(
  fd: number,
  size: number,
  entry: ZipEntry,
  limit = 64 * 1024 * 1024,
): Buffer | null {
  const start = dataStart(fd, size, entry);
  if (start === null) return null;
  const input = readAt(fd, start, entry.compressedSize);
  if (entry.method === 0) return input;
  if (entry.method !== 8) return null;
  try {
    return zlib.inflateRawSync(input, { maxOutputLength: outputLimit(entry, limit) });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipEntryTooLarge(entry);
    return null;
  }
}

export interface EntryStreamOptions {
  /** Called with the compressed bytes read so far, for a progress bar. */
  onRead?: (compressedBytes: number) => void;
  /** Inflated bytes allowed (default: what the entry declares, with slack). */
  limit?: number;
}

/**
 * An entry's content, inflated as it is read from disk, in chunks: a large worksheet never sits
 * in memory whole. Breaking out of the loop closes the file. Throws ZipEntryTooLarge when the
 * entry inflates beyond what it declares, and an Error when it is damaged.
 */
export async function* entryChunks(
  filePath: string,
  entry: ZipEntry,
  options: EntryStreamOptions = {},
): AsyncGenerator<Buffer> {
  const fd = fs.openSync(filePath, 'r');
  let start: number | null;
  try {
    start = dataStart(fd, fs.fstatSync(fd).size, entry);
  } finally {
    fs.closeSync(fd);
  }
  if (start === null) throw new Error(`${entry.name}: bad local header`);
  if (entry.method !== 0 && entry.method !== 8)
    throw new Error(`${entry.name}: compression method ${entry.method}`);
  if (entry.compressedSize === 0) return;
  const source = fs.createReadStream(filePath, {
    start,
    end: start + entry.compressedSize - 1,
    highWaterMark: 256 * 1024,
  });
  let read = 0;
  source.on('data', (chunk) => {
    read += chunk.length;
    options.onRead?.(read);
  });
  const output =
    entry.method === 8 ? source.pipe(zlib.createInflateRaw({ chunkSize: 128 * 1024 })) : source;
  if (output !== source) source.on('error', (e) => output.destroy(e));
  const limit = outputLimit(entry, options.limit ?? Number.MAX_SAFE_INTEGER);
  let inflated = 0;
  try {
    for await (const chunk of output as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > limit) throw new ZipEntryTooLarge(entry);
      yield chunk;
    }
  } finally {
    source.destroy();
    if (output !== source) output.destroy();
  }
}
