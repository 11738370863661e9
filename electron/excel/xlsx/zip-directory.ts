/**
 * A reader for a zip file's central directory — the table of contents at the end of the file.
 * It inflates nothing, so a damaged or hostile file (a truncated download, a "zip bomb") can be
 * judged in milliseconds from what it declares. PKWARE APPNOTE 6.3: end of central directory,
 * its zip64 form, central directory headers.
 */
import fs from 'node:fs';

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
/** The end record is 22 bytes plus a comment of at most 65 535 bytes. */
const TAIL = 22 + 0xffff;
/** A central directory larger than this is not an Excel workbook's. */
const MAX_DIRECTORY = 64 * 1024 * 1024;

export function readAt(fd: number, position: number, length: number): Buffer {
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
