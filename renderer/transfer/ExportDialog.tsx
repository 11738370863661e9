/**
 * "Xuất Excel…": the current table or the whole document as an appendix workbook. The dialog
 * shows the header block the file will carry (issuing body, "Kèm theo…", reference date, place
 * and date — from the document's metadata, editable through the report-information form) and,
 * before anything is written, which tables still have open errors: those cells keep the values
 * written and are marked in the file, and exporting them needs the person's confirmation.
 * An existing file is replaced only after the person says so here (the host refuses it
 * otherwise, and never writes over the open document or any Biểu document).
 * Nothing changes silently.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CallOutput, ExportPreview } from '../../shared/api';
import { call, CallError, messageOf } from '../api-client';
import { Modal } from '../dialogs/Modal';
import { PathField } from '../dialogs/PathField';
import { MetaDialog } from '../document/MetaDialog';
import { t, useLanguage } from '../i18n';
import { CheckboxField } from '../dialogs/CheckboxField';

export type ExportResult = CallOutput<'export.run'>;

type Scope = 'table' | 'document';

interface ExportDialogProps {
  /** The table on screen, when there is one. */
  table: { id: number; name: string } | null;
  initialPath: string;
  nativeDialogs: boolean;
  readOnly: boolean;
  onClose(): void;
  onExported(result: ExportResult): void;
  /** Save the report information (one undoable change); resolves when it is stored. */
  onSaveMeta(meta: Record<string, string | null>): Promise<unknown>;
}

const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO_SUBTITLE = 'Độc lập - Tự do - Hạnh phúc';

/** A header line as it will print; an unfilled one is said so, not hidden. */
function Line({ text, className }: { text: string; className?: string }) {
  const blank = text.trim() === '' || /^[.…\s]*$/.test(text) || text.includes('……');
  return (
    <span className={`${className ?? ''}${blank ? ' export-blank' : ''}`.trim()}>
      {text.trim() === '' ? t('export.unfilled') : text}
    </span>
  );
}

export function ExportDialog({
  table,
  initialPath,
  nativeDialogs,
  readOnly,
  onClose,
  onExported,
  onSaveMeta,
}: ExportDialogProps) {
  useLanguage();
  const [scope, setScope] = useState<Scope>(table ? 'table' : 'document');
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [valuesOnly, setValuesOnly] = useState(false);
  /** The findings sheet, as the person set it; until then on exactly when findings are open. */
  const [findingsChoice, setFindingsChoice] = useState<boolean | null>(null);
  const [path, setPath] = useState(initialPath);
  const [confirmed, setConfirmed] = useState(false);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The path the host said already exists, with its sentence: the question to replace it. */
  const [exists, setExists] = useState<{ path: string; message: string } | null>(null);
  const [editingMeta, setEditingMeta] = useState(false);
  const [seq, setSeq] = useState(0);

  const tableId = scope === 'table' && table ? table.id : undefined;
  useEffect(() => {
    let live = true;
    call('export.preview', tableId === undefined ? {} : { tableId }).then(
      (next) => {
        if (!live) return;
        setPreview(next);
        setError(null);
      },
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [tableId, seq]);

  const withErrors = preview?.tables.filter((x) => x.errors > 0) ?? [];
  const openFindings = preview?.tables.reduce((n, x) => n + x.errors + x.warnings, 0) ?? 0;
  const findingsSheet = findingsChoice ?? openFindings > 0;
  const trimmed = path.trim();
  const ready =
    preview !== null && trimmed !== '' && !running && (withErrors.length === 0 || confirmed);

  const run = async (replace = false) => {
    setRunning(true);
    setError(null);
    setExists(null);
    try {
      const result = await call('export.run', {
        path: trimmed,
        valuesOnly,
        replace,
        findingsSheet,
        ...(tableId === undefined ? {} : { tableId }),
      });
      onExported(result);
    } catch (e) {
      if (e instanceof CallError && e.code === 'exists')
        setExists({ path: trimmed, message: e.message });
      else setError(messageOf(e));
      setRunning(false);
    }
  };
  const askReplace = exists !== null && exists.path === trimmed ? exists : null;

  const reportError = useCallback((e: unknown) => setError(messageOf(e)), []);
  const lines = preview?.lines;
  const firstTitle = preview?.tables[0]?.title ?? '';

  return (
    <>
      <Modal
        title={t('export.title')}
        submitLabel={running ? t('export.running') : t('export.submit')}
        submitDisabled={!ready}
        onClose={onClose}
        onSubmit={() => void run()}
        size="medium"
        testId="export-dialog"
      >
        {error && (
          <p className="import-refused" role="alert">
            {error}
          </p>
        )}
        <fieldset className="export-scope">
          <legend className="field-label">{t('export.scope')}</legend>
          <label className="export-choice">
            <input
              type="radio"
              name="export-scope"
              checked={scope === 'table'}
              disabled={!table}
              onChange={() => {
                setScope('table');
                setConfirmed(false);
              }}
            />
            {table ? t('export.scopeTable', { name: table.name }) : t('export.scopeNoTable')}
          </label>
          <label className="export-choice">
            <input
              type="radio"
              name="export-scope"
              checked={scope === 'document'}
              onChange={() => {
                setScope('document');
                setConfirmed(false);
              }}
            />
            {t('export.scopeDocument')}
          </label>
        </fieldset>

        <div className="export-heading-row">
          <h3 className="export-subheading">{t('export.header')}</h3>
          <button
            type="button"
            className="button button-small"
            disabled={readOnly}
            title={readOnly ? t('readOnly.cannot') : undefined}
            onClick={() => setEditingMeta(true)}
          >
            {t('export.editMeta')}
          </button>
        </div>
        {lines ? (
          <div className="export-paper" data-testid="export-header">
            <div className="export-paper-top">
              <div className="export-paper-left">
                <Line text={lines.agency} className="export-agency" />
                <Line text={lines.office} className="export-office" />
              </div>
              <div className="export-paper-right">
                <span className="export-motto">{MOTTO}</span>
                <span className="export-motto-sub">{MOTTO_SUBTITLE}</span>
              </div>
            </div>
            <p className="export-paper-title">
              {scope === 'document' && preview && preview.tables.length > 1
                ? t('export.titles', { count: preview.tables.length })
                : firstTitle}
            </p>
            <Line text={lines.attachment} className="export-paper-line" />
            <Line text={lines.referenceDate} className="export-paper-line" />
            <div className="export-paper-foot">
              <Line text={lines.placeDate} className="export-place" />
            </div>
          </div>
        ) : (
          <p className="field-hint">{t('start.loading')}</p>
        )}

        {withErrors.length > 0 && (
          <div className="export-warning" role="alert" data-testid="export-warning">
            <ul>
              {withErrors.map((x) => (
                <li key={x.name}>{t('export.openErrors', { name: x.name, count: x.errors })}</li>
              ))}
            </ul>
            <CheckboxField className="export-confirm" checked={confirmed} onChange={setConfirmed}>
              {t('export.confirm')}
            </CheckboxField>
          </div>
        )}

        <CheckboxField
          className="export-choice export-values"
          checked={valuesOnly}
          onChange={setValuesOnly}
        >
          {t('export.valuesOnly')}
        </CheckboxField>

        <label className="export-choice export-values">
          <input
            type="checkbox"
            checked={findingsSheet}
            onChange={(event) => setFindingsChoice(event.target.checked)}
          />
          {openFindings > 0
            ? t('export.findingsSheet', { count: openFindings })
            : t('export.findingsSheetNone')}
        </label>

        {askReplace && (
          <div className="export-warning" role="alert" data-testid="export-replace">
            <p>{askReplace.message}</p>
            <div className="export-replace-actions">
              <button
                type="button"
                className="button button-danger"
                disabled={running || !ready}
                onClick={() => void run(true)}
              >
                {t('export.replace')}
              </button>
              <span className="field-hint">{t('export.replaceHint')}</span>
            </div>
          </div>
        )}

        <PathField
          label={t('export.path')}
          value={path}
          onChange={setPath}
          purpose="export"
          nativeDialogs={nativeDialogs}
          onError={reportError}
        />
      </Modal>
      {/* A sibling, not a child: its form must not submit the export's form. */}
      {editingMeta && (
        <MetaDialog
          readOnly={readOnly}
          onCancel={() => setEditingMeta(false)}
          onError={reportError}
          onSave={(meta) => {
            setEditingMeta(false);
            onSaveMeta(meta).then(() => setSeq((n) => n + 1), reportError);
          }}
        />
      )}
    </>
  );
}
