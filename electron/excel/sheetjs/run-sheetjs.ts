/**
 * Parsing an .xls or .ods with SheetJS (@e965/xlsx, the SheetJS 0.20 line on the npm registry:
 * maintained, Apache-2.0, reads BIFF 2–8 and OpenDocument; the `xlsx` 0.18 package there is old and
 * has known advisories) in a worker thread, so that the parse is bounded as the .xlsx reader is:
 * its heap is capped, it is stopped past a deadline or when the import is cancelled, and the app's
 * host keeps answering meanwhile. A parse that fails says why in SheetJS's English; the caller
 * turns it into one Vietnamese sentence.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { WORKER_SOURCE } from './worker-source';

/** One cell as the worker sends it: [row, col, type, value, text, formula, format]. */
export type CompactCell = [
  number,
  number,
  string,
  number | string | boolean | null,
  string | null,
  string | null,
  string | null,
];

export interface CompactSheet {
  name: string;
  cells: CompactCell[];
  /** [top, left, bottom, right], 0-based. */
  merges: [number, number, number, number][];
  hiddenRows: number[];
  hiddenColumns: number[];
}

export type ParseOutcome =
  | { ok: true; sheets: CompactSheet[]; date1904: boolean }
  | { ok: false; problem: 'failed'; message: string }
  | { ok: false; problem: 'memory' | 'time' | 'cancelled' };

export const PARSE_BOUNDS = {
  /** The worker's heap: what SheetJS may build for a workbook that passed the size guards. */
  heapMb: 320,
  deadlineMs: 8_000,
} as const;

function libraryPath(): string {
  return createRequire(__filename).resolve('@e965/xlsx');
}

/** Parses `bytes` (a whole .xls, or an .ods repacked by ods-package.ts) in a bounded worker. */
export function parseWithSheetJs(
  bytes: Uint8Array,
  options: { signal?: AbortSignal; deadlineMs?: number } = {},
): Promise<ParseOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { library: libraryPath(), bytes },
      resourceLimits: { maxOldGenerationSizeMb: PARSE_BOUNDS.heapMb },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (outcome: ParseOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(
      () => finish({ ok: false, problem: 'time' }),
      options.deadlineMs ?? PARSE_BOUNDS.deadlineMs,
    );
    const onAbort = () => finish({ ok: false, problem: 'cancelled' });
    options.signal?.addEventListener('abort', onAbort);
    worker.on('message', (m: ParseOutcome) =>
      finish(
        m.ok ? m : { ok: false, problem: 'failed', message: (m as { message: string }).message },
      ),
    );
    worker.on('error', (e: Error & { code?: string }) =>
      finish(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { ok: false, problem: 'memory' }
          : { ok: false, problem: 'failed', message: e.message },
      ),
    );
    worker.on('exit', () => finish({ ok: false, problem: 'failed', message: 'worker exited' }));
  });
}
