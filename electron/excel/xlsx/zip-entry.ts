/**
 * Inflating a zip entry, the one way every part of a package is read: each entry may give no more
 * than it declares (with slack for a sloppy writer) nor more than the caller's limit, so a "zip
 * bomb" — with a true or a lying size — stops after a bounded amount of work; a damaged deflate
 * stream or an unknown compression method is a ZipEntryError the caller turns into one sentence.
 * PKWARE APPNOTE 6.3: local file headers, methods 0 (stored) and 8 (deflate).
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { UserError } from '../../../shared/api';
import { readAt, type ZipEntry } from './zip-directory';

const LOCAL = 0x04034b50;

/** Why an entry could not be read. */
export type EntryProblem = 'too-large' | 'damaged' | 'method';

export class ZipEntryError extends Error {
  constructor(
    readonly entry: ZipEntry,
    readonly problem: EntryProblem,
  ) {
    super(`${entry.name}: ${problem}`);
    this.name = 'ZipEntryError';
  }
}

/** The sentence a user reads when a part of `file` cannot be read. */
export function entryRefusal(file: string, error: ZipEntryError): UserError {
  const part = `phần «${error.entry.name}»`;
  const message =
    error.problem === 'too-large'
      ? `Tệp «${file}» có ${part} giải nén ra nhiều hơn kích thước khai báo; Biểu không mở để tránh treo máy.`
      : error.problem === 'method'
        ? `Tệp «${file}» có ${part} nén theo cách Biểu không đọc được; hãy mở tệp bằng Excel hoặc LibreOffice rồi lưu lại.`
        : `Tệp «${file}» bị hỏng: ${part} không giải nén được; hãy lấy lại bản tốt của tệp.`;
  return new UserError(message, 'bad-input');
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
 * The first bytes of an entry's content (up to `limit`), inflating only a small prefix of it.
 * Returns null when the entry cannot be read (bad local header, unknown method, damaged data).
 */
export function peekEntry(
  fd: number,
  size: number,
  entry: ZipEntry,
  limit = 64 * 1024,
): Buffer | null {
  const start = dataStart(fd, size, entry);
  if (start === null) return null;
  if (entry.method === 0) return readAt(fd, start, Math.min(limit, entry.compressedSize));
  if (entry.method !== 8) return null;
  // Deflate expands at most ~1032:1, so this many input bytes stay under ~10 MB of output.
  const input = readAt(fd, start, Math.min(entry.compressedSize, Math.ceil(limit / 8) + 1024));
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

/**
 * The whole content of a (small) entry. Throws ZipEntryError when it is damaged, compressed in
 * an unknown way, or inflates beyond what it declares or `limit`.
 */
export function readEntry(
  fd: number,
  size: number,
  entry: ZipEntry,
  limit = 64 * 1024 * 1024,
): Buffer {
  const start = dataStart(fd, size, entry);
  if (start === null) throw new ZipEntryError(entry, 'damaged');
  if (entry.method !== 0 && entry.method !== 8) throw new ZipEntryError(entry, 'method');
  const input = readAt(fd, start, entry.compressedSize);
  if (entry.method === 0) {
    if (input.length > outputLimit(entry, limit)) throw new ZipEntryError(entry, 'too-large');
    return input;
  }
  try {
    return zlib.inflateRawSync(input, { maxOutputLength: outputLimit(entry, limit) });
  } catch (e) {
    const tooLarge = (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
    throw new ZipEntryError(entry, tooLarge ? 'too-large' : 'damaged');
  }
}

/** An entry read whole from a file by its path: readEntry with the file opened and closed. */
export function readEntryOf(filePath: string, entry: ZipEntry, limit?: number): Buffer {
  const fd = fs.openSync(filePath, 'r');
  try {
    return readEntry(fd, fs.fstatSync(fd).size, entry, limit);
  } finally {
    fs.closeSync(fd);
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
 * in memory whole. Breaking out of the loop closes the file. Throws ZipEntryError.
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
  if (start === null) throw new ZipEntryError(entry, 'damaged');
  if (entry.method !== 0 && entry.method !== 8) throw new ZipEntryError(entry, 'method');
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
    let iterator: AsyncIterator<Buffer>;
    try {
      iterator = (output as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    } catch {
      throw new ZipEntryError(entry, 'damaged');
    }
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await iterator.next();
      } catch {
        throw new ZipEntryError(entry, 'damaged');
      }
      if (next.done) break;
      inflated += next.value.length;
      if (inflated > limit) throw new ZipEntryError(entry, 'too-large');
      yield next.value;
    }
  } finally {
    source.destroy();
    if (output !== source) output.destroy();
  }
}
