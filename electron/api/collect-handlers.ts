/**
 * Forms out, figures in, in the app (Biểu › Gửi biểu mẫu cho các đơn vị… / Tổng hợp từ các đơn
 * vị…): the same modules as `bieu forms` and `bieu collect`. Reading the returned files runs as a
 * job (progress, cancel); its plan is shown unit by unit before anything is written, and the
 * units the person accepts are written one undoable step per file, each figure with its source.
 */
import path from 'node:path';
import { UserError, type CollectView } from '../../shared/api';
import {
  planCollect,
  type CollectOffer,
  type CollectPlan,
  type CollectedUnit,
} from '../../shared/collect/plan-collect';
import { applyOffers } from '../collect/apply-collect';
import { earlierCollects } from '../collect/earlier-collects';
import { readReturned } from '../collect/read-returned';
import { returnedFiles } from '../collect/returned-files';
import { appendixMeta } from '../excel/export-meta';
import { writeForms } from '../forms/write-forms';
import type { AppSession } from './app-session';
import type { DomainHandlers } from './handlers';
import { JobRunner } from './jobs';

interface CollectRun {
  tableId: number;
  plan: CollectPlan;
  unreadable: { file: string; message: string }[];
}

const base = (file: string) => path.basename(file);

function conflictSentence(unit: CollectedUnit): string | null {
  const c = unit.conflict;
  if (!c) return null;
  if (c.between === 'files')
    return `Các tệp gửi số khác nhau: ${c.columns
      .map(
        (col) =>
          `cột ${col.column}: ${col.values.map((v) => `${base(v.file)} ${v.cell} = ${v.value ?? 'trống'}`).join('; ')}`,
      )
      .join(' — ')}.`;
  return `Biểu đã có số khác ở cột ${c.columns.join(', ')}; chấp nhận thì số của tệp thay số đó.`;
}

function view({ plan, unreadable }: CollectRun): CollectView {
  return {
    table: plan.table,
    units: plan.units.map((u) => ({
      unit: u.unit,
      rowIndex: u.rowIndex,
      status: u.status,
      file: u.file && base(u.file),
      files: u.files.map(base),
      changes: u.changes,
      conflict: conflictSentence(u),
      acceptable:
        u.changes.length > 0 &&
        (u.status === 'received' || (u.status === 'conflict' && u.conflict?.between === 'table')),
      chooseFile: u.conflict?.between === 'files',
    })),
    unmatched: plan.unmatched.map((x) => ({ ...x, file: base(x.file) })),
    unreadable: [...unreadable, ...plan.refused].map((x) => ({ ...x, file: base(x.file) })),
    findings: plan.findings.map((f) => ({ ...f, file: base(f.file) })),
  };
}

/**
 * The figures of the accepted units: each unit's first file (the one its changes show), or, for a
 * unit whose files disagree, the file the person chose — never one Biểu picked for them.
 */
function acceptedOffers(
  plan: CollectPlan,
  rows: readonly number[],
  choices: readonly { rowIndex: number; file: number }[],
): CollectOffer[] {
  const wanted = new Set(rows);
  const picked = new Map(choices.map((c) => [c.rowIndex, c.file]));
  return plan.units
    .filter((u) => wanted.has(u.rowIndex) && u.file !== null)
    .flatMap((u) => {
      let file = u.file;
      if (u.conflict?.between === 'files') {
        const index = picked.get(u.rowIndex);
        file = index === undefined ? null : (u.files[index] ?? null);
        if (file === null)
          throw new UserError(
            `${u.unit}: các tệp gửi số khác nhau; hãy chọn tệp lấy số cho đơn vị này (chưa ghi gì).`,
            'bad-input',
          );
      }
      return plan.offers.filter((o) => o.rowIndex === u.rowIndex && o.file === file).slice(0, 1);
    });
}

export function createCollectHandlers(session: AppSession): DomainHandlers<'collect'> {
  const runs = new JobRunner<CollectRun>();
  return {
    'collect.forms': async ({ tableId, dir, breakdown }) => {
      const store = session.require();
      const written = await writeForms(
        store.getTable(tableId),
        appendixMeta(store.getMeta()),
        path.resolve(dir),
        { breakdown },
      );
      return { files: written };
    },
    'collect.start': ({ tableId, paths }) => {
      const store = session.require();
      const table = store.getTable(tableId);
      const files = returnedFiles(paths);
      return runs.start(async (onProgress, signal) => {
        const reading = await readReturned(files, { onProgress, signal });
        const plan = planCollect(table, reading.files, {
          documentName: base(store.path),
          ...earlierCollects(store, table),
        });
        return { tableId, plan, unreadable: reading.unreadable };
      }, `Đang đọc ${files.length} tệp…`);
    },
    'collect.status': ({ jobId }) => runs.status(jobId),
    'collect.cancel': ({ jobId }) => runs.cancel(jobId),
    'collect.plan': ({ jobId }) => view(runs.result(jobId)),
    'collect.apply': ({ jobId, units, choices }) => {
      const run = runs.result(jobId);
      const store = session.require();
      if (store.readOnly)
        throw new UserError('Tài liệu đang chỉ mở để xem; chưa ghi gì.', 'read-only');
      const table = store.getTable(run.tableId);
      const applied = applyOffers(store, table, acceptedOffers(run.plan, units, choices));
      return {
        changes: {
          batchId: null,
          changes: [],
          structureChanged: [table.id],
          tableListChanged: false,
          canUndo: store.canUndo(),
          canRedo: store.canRedo(),
        },
        files: applied.files.length,
        cells: applied.cells,
      };
    },
    'collect.sources': ({ tableId }) => session.require().cellSources(tableId),
  };
}
