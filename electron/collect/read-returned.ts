/**
 * Reading the returned files for a collect: each through the one import path (excel/import-file:
 * the same guard, readers and table detection as `bieu import`), one after the other, with
 * progress and cancellation for a folder of hundreds of attachments. A file that cannot be read
 * is set aside with its one sentence and the others go on; reading changes nothing anywhere.
 */
import path from 'node:path';
import { UserError } from '../../shared/api';
import type { ReturnedFile } from '../../shared/collect/plan-collect';
import { importFile } from '../excel/import-file';
import { lockedRefusal, refuseIfOpenElsewhere } from './open-elsewhere';

export interface ReadOptions {
  /** Progress from 0 to 1 and what is being read (Vietnamese). */
  onProgress?: (fraction: number, message: string) => void;
  /** Aborting stops before the next file (or inside the current one): a UserError. */
  signal?: AbortSignal;
}

export interface ReturnedReading {
  files: ReturnedFile[];
  /** Files that could not be read, each with its one sentence. */
  unreadable: { file: string; message: string }[];
}

export function collectCancelled(): UserError {
  return new UserError('Đã hủy tổng hợp; tài liệu không thay đổi.', 'failed');
}

export async function readReturned(
  paths: readonly string[],
  options: ReadOptions = {},
): Promise<ReturnedReading> {
  const out: ReturnedReading = { files: [], unreadable: [] };
  for (let i = 0; i < paths.length; i++) {
    if (options.signal?.aborted) throw collectCancelled();
    const file = paths[i];
    options.onProgress?.(
      i / paths.length,
      `Đọc tệp «${path.basename(file)}» (${i + 1}/${paths.length})`,
    );
    try {
      refuseIfOpenElsewhere(file);
      const { tables } = await importFile(file, { signal: options.signal });
      out.files.push({ file, tables });
    } catch (e) {
      if (options.signal?.aborted) throw collectCancelled();
      const message =
        e instanceof UserError
          ? e.message
          : (lockedRefusal(file, e)?.message ?? `Không đọc được tệp «${path.basename(file)}».`);
      out.unreadable.push({ file, message });
    }
  }
  options.onProgress?.(1, `Đã đọc ${paths.length} tệp`);
  return out;
}
