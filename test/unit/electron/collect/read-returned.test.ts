/**
 * A folder of 200 returned workbooks: progress that only moves forward and names each file, and
 * a cancel that stops the reading at once, with one sentence.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../../../shared/api';
import { readReturned } from '../../../../electron/collect/read-returned';
import { returnedFiles } from '../../../../electron/collect/returned-files';
import { useWorkspace } from '../../helpers/store-helpers';
import { unitFigures, writeReturned } from '../../helpers/collect/district';

const ws = useWorkspace();

async function folderOf(count: number): Promise<string> {
  const folder = ws.file('ve');
  fs.mkdirSync(folder);
  const first = path.join(folder, 'don-vi-000.xlsx');
  await writeReturned(first, {
    rows: [{ name: 'Xã Lộc Phú', figures: unitFigures('Xã Lộc Phú') }],
  });
  for (let i = 1; i < count; i++)
    fs.copyFileSync(first, path.join(folder, `don-vi-${String(i).padStart(3, '0')}.xlsx`));
  fs.writeFileSync(
    path.join(folder, 'thu-kem.txt'),
    'not a workbook: a folder gives only workbooks',
  );
  return folder;
}

describe('a folder of 200 files', () => {
  it('is read with progress naming each file, forward only, to the end', async () => {
    const files = returnedFiles([await folderOf(200)]);
    expect(files).toHaveLength(200);
    const seen: [number, string][] = [];
    const reading = await readReturned(files, { onProgress: (f, m) => seen.push([f, m]) });
    expect(reading.files).toHaveLength(200);
    expect(reading.unreadable).toEqual([]);
    expect(seen[0]).toEqual([0, 'Đọc tệp «don-vi-000.xlsx» (1/200)']);
    expect(seen[seen.length - 1]).toEqual([1, 'Đã đọc 200 tệp']);
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0]);
  }, 120_000);

  it('stops at the file it was cancelled on, with one sentence', async () => {
    const files = returnedFiles([await folderOf(200)]);
    const abort = new AbortController();
    let read = 0;
    const run = readReturned(files, {
      signal: abort.signal,
      onProgress: () => {
        if (++read === 50) abort.abort();
      },
    });
    await expect(run).rejects.toThrow(UserError);
    await expect(run).rejects.toThrow('Đã hủy tổng hợp; tài liệu không thay đổi.');
    expect(read).toBe(50);
  }, 120_000);
});
