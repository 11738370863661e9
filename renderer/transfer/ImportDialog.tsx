/**
 * "Nhập Excel…": pick an .xlsx, watch it being read (a progress bar polled from the host, with
 * Hủy), then see what was recognised before anything is stored — each table with its sheet,
 * header levels, codes and formulas, row roles (correctable), number conventions and doubts —
 * and choose per table whether to take it, under which name, and where: a new table or onto an
 * existing one. "Nhập" stores the choice as one undoable action (`import.accept`).
 *
 * A file the host refuses (not a workbook, empty, encrypted, an old .xls …) shows the host's own
 * Vietnamese sentence here, and nothing in the document changes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  ChangeSet,
  ColumnSpec,
  ImportChoice,
  ImportedTable,
  ImportPreview,
  JobStatus,
} from '../../shared/api';
import type { RowRole, TableSummary } from '../../shared/model';
import { call, messageOf } from '../api-client';
import { Modal } from '../dialogs/Modal';
import { PathField } from '../dialogs/PathField';
import { t, useLanguage } from '../i18n';
import {
  codeRowEntries,
  ImportTablePreview,
  readCodeRow,
  type ColumnKind,
} from './ImportTablePreview';
import { ReportTextFindings } from './ReportTextFindings';
import { followJob } from './use-job';
import { CheckboxField } from '../dialogs/CheckboxField';

interface TableChoice {
  include: boolean;
  name: string;
  target: 'new' | number;
  roles: RowRole[];
  /** The code-row entries as typed ("1=2+3"), and each column's type and decimals. */
  entries: string[];
  kinds: ColumnKind[];
}

/**
 * The columns as corrected, or the sentences of what is still wrong in the code row (an invalid
 * formula, a code used twice): such a table cannot be taken until it is fixed.
 */
function correctedColumns(
  table: ImportedTable,
  choice: TableChoice,
): { ok: true; columns: ColumnSpec[] } | { ok: false; errors: string[] } {
  const read = readCodeRow(choice.entries);
  const errors: string[] = [];
  const columns = table.columns.map((column, i) => {
    const r = read[i];
    if (!r.ok) {
      errors.push(`${table.sourceColumns[i] ?? i + 1}: ${r.error}`);
      return column;
    }
    return { ...column, ...choice.kinds[i], code: r.code, formula: r.formula };
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, columns };
}

function sameColumns(a: readonly ColumnSpec[], b: readonly ColumnSpec[]): boolean {
  return a.every(
    (c, i) =>
      c.code === b[i].code &&
      c.formula === b[i].formula &&
      c.type === b[i].type &&
      c.decimals === b[i].decimals,
  );
}

export interface ImportOutcome {
  changes: ChangeSet;
  notes: string[];
  file: string;
  /** How many tables were taken, and the existing tables figures went onto. */
  count: number;
  targets: number[];
}

interface ImportDialogProps {
  /** A path chosen already (Electron's native dialog): reading starts at once. */
  startPath: string | null;
  initialPath: string;
  nativeDialogs: boolean;
  /** The document's tables, as targets for figures. */
  tables: readonly TableSummary[];
  onClose(): void;
  onImported(outcome: ImportOutcome): void;
  /** The job was cancelled: nothing changed. */
  onCancelled(message: string): void;
}

type Step =
  | { kind: 'choose' }
  | { kind: 'reading'; job: JobStatus; file: string }
  | { kind: 'failed'; message: string; file: string }
  | { kind: 'preview'; jobId: string; preview: ImportPreview; choices: TableChoice[] }
  | { kind: 'accepting' };

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function ImportDialog({
  startPath,
  initialPath,
  nativeDialogs,
  tables,
  onClose,
  onImported,
  onCancelled,
}: ImportDialogProps) {
  useLanguage();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const picker = useRef<HTMLInputElement>(null);
  const [path, setPath] = useState(startPath ?? initialPath);
  const [acceptError, setAcceptError] = useState<string | null>(null);

  const fail = useCallback(
    (error: unknown, file = '') =>
      setStep({
        kind: 'failed',
        message: typeof error === 'string' ? error : messageOf(error),
        file,
      }),
    [],
  );

  // The job being followed; cleared when the dialog closes or the job is cancelled.
  const following = useRef<string | null>(null);
  useEffect(() => () => void (following.current = null), []);

  const start = useCallback(
    async (file: string, upload?: File) => {
      try {
        const job = upload
          ? await call('import.upload', { name: upload.name, data: await base64Of(upload) })
          : await call('import.start', { path: file });
        following.current = job.jobId;
        setStep({ kind: 'reading', job, file });
        const wanted = () => following.current === job.jobId;
        const last = await followJob(
          job,
          (status) => setStep({ kind: 'reading', job: status, file }),
          wanted,
        );
        if (!last || !wanted()) return;
        if (last.state === 'failed' || last.state === 'cancelled') {
          return fail(last.error ?? t('error.unknown'), file);
        }
        const preview = await call('import.preview', { jobId: job.jobId });
        if (!wanted()) return;
        setStep({
          kind: 'preview',
          jobId: job.jobId,
          preview,
          choices: preview.tables.map((table) => ({
            include: true,
            name: table.name,
            target: 'new',
            roles: table.rows.map((r) => r.role),
            entries: codeRowEntries(table.columns),
            kinds: table.columns.map((c) => ({ type: c.type, decimals: c.decimals })),
          })),
        });
      } catch (error) {
        fail(error, file);
      }
    },
    [fail],
  );

  // Electron: the file was chosen in the native dialog; read it at once.
  const started = useRef(false);
  useEffect(() => {
    if (startPath && !started.current) {
      started.current = true;
      void start(startPath);
    }
  }, [startPath, start]);

  const cancelReading = () => {
    if (step.kind !== 'reading') return onClose();
    const jobId = step.job.jobId;
    following.current = null;
    // Whether the host stopped it or it had just finished, nothing was stored: only the accept
    // of a preview writes to the document.
    const said = () => onCancelled(t('import.cancelled'));
    call('job.cancel', { jobId }).then(said, said);
  };

  const update = (index: number, change: Partial<TableChoice>) =>
    setStep((current) =>
      current.kind === 'preview'
        ? {
            ...current,
            choices: current.choices.map((c, i) => (i === index ? { ...c, ...change } : c)),
          }
        : current,
    );

  const accept = async () => {
    if (step.kind !== 'preview') return;
    const { jobId, preview, choices } = step;
    const chosen: ImportChoice[] = [];
    choices.forEach((choice, index) => {
      if (!choice.include) return;
      const table = preview.tables[index];
      const changed = choice.roles.some((role, r) => role !== table.rows[r].role);
      const corrected = correctedColumns(table, choice);
      const columns =
        corrected.ok && !sameColumns(corrected.columns, table.columns) ? corrected.columns : null;
      chosen.push({
        index: table.index,
        name: choice.name.trim(),
        target: choice.target,
        ...(changed ? { roles: choice.roles } : {}),
        ...(columns ? { columns } : {}),
      });
    });
    setAcceptError(null);
    setStep({ kind: 'accepting' });
    try {
      const result = await call('import.accept', { jobId, tables: chosen });
      onImported({
        ...result,
        file: baseName(preview.file),
        count: chosen.length,
        targets: chosen.flatMap((c) => (c.target === 'new' ? [] : [c.target])),
      });
    } catch (error) {
      setAcceptError(messageOf(error));
      setStep(step);
    }
  };

  if (step.kind === 'choose') {
    const trimmed = path.trim();
    return (
      <Modal
        title={t('import.title')}
        submitLabel={t('import.read')}
        submitDisabled={trimmed === ''}
        onClose={onClose}
        onSubmit={() => void start(trimmed)}
        testId="import-dialog"
      >
        <PathField
          label={t('import.path')}
          value={path}
          onChange={setPath}
          purpose="import"
          nativeDialogs={nativeDialogs}
          onError={(error) => fail(error)}
          autoFocus
        />
        <p className="field-hint">{t('import.pathHint')}</p>
        {!nativeDialogs && (
          // The browser's own file input: any file on this machine (a commune's file in
          // Downloads), not only the folders the host may browse.
          <>
            <button type="button" className="button" onClick={() => picker.current?.click()}>
              {t('import.upload')}
            </button>
            <input
              ref={picker}
              type="file"
              accept=".xlsx,.xlsm,.xls,.ods,.docx"
              hidden
              data-testid="import-upload"
              onChange={(event) => {
                const chosen = event.target.files?.[0];
                event.target.value = '';
                if (chosen) void start(chosen.name, chosen);
              }}
            />
          </>
        )}
      </Modal>
    );
  }

  if (step.kind === 'reading') {
    const status = step.job;
    const percent = Math.round(status.fraction * 100);
    return (
      <Modal
        title={t('import.title')}
        onClose={cancelReading}
        closeLabel={t('import.cancel')}
        testId="import-dialog"
      >
        <p className="import-file">{t('import.reading', { file: baseName(step.file) })}</p>
        <progress
          className="import-progress"
          max={100}
          value={percent}
          aria-label={t('import.progress')}
          data-testid="import-progress"
        />
        <p className="field-hint" aria-live="polite">
          {status.message} · {percent}%
        </p>
      </Modal>
    );
  }

  if (step.kind === 'failed') {
    return (
      <Modal
        title={t('import.title')}
        onClose={onClose}
        testId="import-dialog"
        extraActions={
          <button type="button" className="button" onClick={() => setStep({ kind: 'choose' })}>
            {t('import.another')}
          </button>
        }
      >
        <p className="import-refused" role="alert" data-testid="import-refused">
          {step.message}
        </p>
        <p className="field-hint">{t('import.unchanged')}</p>
      </Modal>
    );
  }

  if (step.kind === 'accepting') {
    return (
      <Modal title={t('import.title')} onClose={() => {}} testId="import-dialog">
        <p className="field-hint">{t('import.storing')}</p>
      </Modal>
    );
  }

  const { preview, choices } = step;
  const included = choices.filter((c) => c.include);
  const checked = preview.tables.map((table, i) => correctedColumns(table, choices[i]));
  const ready =
    included.length > 0 &&
    included.every((c) => c.name.trim() !== '') &&
    choices.every((c, i) => !c.include || checked[i].ok);
  return (
    <Modal
      title={t('import.previewTitle', { file: baseName(preview.file) })}
      submitLabel={t('import.accept')}
      submitDisabled={!ready}
      onClose={onClose}
      onSubmit={() => void accept()}
      size="wide"
      testId="import-dialog"
    >
      {acceptError && (
        <p className="import-refused" role="alert">
          {acceptError}
        </p>
      )}
      {preview.tables.length === 0 ? (
        <p className="import-refused" role="alert" data-testid="import-refused">
          {t('import.noTables')}
        </p>
      ) : (
        <p className="field-hint">{t('import.found', { count: preview.tables.length })}</p>
      )}
      {preview.skipped.length > 0 && (
        <ul className="import-skipped">
          {preview.skipped.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      )}
      <ReportTextFindings findings={preview.text} />
      {preview.tables.map((table, index) => {
        const choice = choices[index];
        const columnsRead = checked[index];
        const depth = 1 + Math.max(0, ...table.columns.map((c) => c.headerPath.length));
        const first = table.sourceRows[0];
        const last = table.sourceRows[table.sourceRows.length - 1];
        return (
          <section
            key={index}
            className={choice.include ? 'import-table' : 'import-table import-table-off'}
            aria-label={t('import.tableLabel', { name: table.name })}
            data-testid="import-table"
          >
            <div className="import-table-head">
              <CheckboxField
                className="import-include"
                checked={choice.include}
                onChange={(include) => update(index, { include })}
              >
                {t('import.include')}
              </CheckboxField>
              <label className="import-field">
                <span>{t('tables.name')}</span>
                <input
                  className="text-field"
                  value={choice.name}
                  disabled={!choice.include}
                  onChange={(event) => update(index, { name: event.target.value })}
                />
              </label>
              <label className="import-field">
                <span>{t('import.target')}</span>
                <select
                  className="text-field"
                  value={choice.target === 'new' ? 'new' : String(choice.target)}
                  disabled={!choice.include}
                  onChange={(event) =>
                    update(index, {
                      target: event.target.value === 'new' ? 'new' : Number(event.target.value),
                    })
                  }
                >
                  <option value="new">{t('import.targetNew')}</option>
                  {tables.map((existing) => (
                    <option key={existing.id} value={existing.id}>
                      {t('import.targetExisting', { name: existing.name })}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <p className="import-source">
              {t('import.source', {
                sheet: table.sheet,
                first: first ?? '—',
                last: last ?? '—',
                rows: table.rows.length,
                columns: table.columns.length,
                levels: depth,
              })}
            </p>
            {(table.title || table.unit) && (
              <p className="import-title">
                {table.title}
                {table.unit && <span className="import-unit"> — {table.unit}</span>}
              </p>
            )}
            {table.doubts.length > 0 && (
              <div className="import-doubts" data-testid="import-doubts">
                <p className="import-doubts-heading">
                  {t('import.doubts', { count: table.doubts.length })}
                </p>
                <ul>
                  {table.doubts.map((doubt, i) => (
                    <li key={i}>{doubt}</li>
                  ))}
                </ul>
              </div>
            )}
            <ImportTablePreview
              table={table}
              roles={choice.roles}
              onRole={(row, role) =>
                update(index, {
                  roles: choice.roles.map((r, i) => (i === row ? role : r)),
                })
              }
              entries={choice.entries}
              onEntry={(column, entry) =>
                update(index, {
                  entries: choice.entries.map((e, i) => (i === column ? entry : e)),
                })
              }
              kinds={choice.kinds}
              onKind={(column, kind) =>
                update(index, { kinds: choice.kinds.map((k, i) => (i === column ? kind : k)) })
              }
              disabled={!choice.include}
            />
            {choice.include && !columnsRead.ok && (
              <p className="import-blocked" role="alert" data-testid="import-blocked">
                {t('import.codesBlock', { name: choice.name, count: columnsRead.errors.length })}
              </p>
            )}
            {choice.target !== 'new' && <p className="field-hint">{t('import.ontoHint')}</p>}
          </section>
        );
      })}
    </Modal>
  );
}

/** A picked file's bytes as base64, in slices (one call per byte would overflow the stack). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let at = 0; at < bytes.length; at += 0x8000)
    text += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(text);
}
