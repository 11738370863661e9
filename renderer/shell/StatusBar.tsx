/**
 * The line at the bottom: which document, whether what is shown is on disk, what the selected
 * cells add up to (written the Vietnamese way), how many problems, and the zoom.
 */
import type { DocumentInfo } from '../../shared/api';
import { decimalsNeeded, formatNumber } from '../../shared/numbers';
import type { FindingCounts } from '../checks/use-findings';
import type { SelectionStats } from '../grid/selection-stats';
import { t, useLanguage } from '../i18n';

interface StatusBarProps {
  info: DocumentInfo | null;
  pendingWrites: number;
  lastWriteFailed: boolean;
  /** Say beside "Đã lưu" that saving is automatic (the first session someone edits). */
  explainAutosave: boolean;
  counts: FindingCounts;
  selection: SelectionStats | null;
  zoom: number;
  onZoom(direction: 1 | -1 | 0): void;
}

/** A figure for the status bar: as many decimals as it has, up to three. */
function figure(value: number): string {
  return formatNumber(value, Math.min(3, decimalsNeeded(value, 3)));
}

export function StatusBar(props: StatusBarProps) {
  useLanguage();
  const { info, pendingWrites, lastWriteFailed, counts, selection } = props;
  if (!info) {
    return (
      <footer className="status-bar" data-testid="status-bar">
        <span>{t('status.noDocument')}</span>
      </footer>
    );
  }
  const saveState = pendingWrites > 0 ? 'saving' : lastWriteFailed ? 'failed' : 'saved';
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span className="status-document" title={info.path}>
        <strong>{info.name}</strong> <span className="status-path">{info.path}</span>
      </span>
      {selection && (
        <span className="status-selection" data-testid="selection-stats">
          {selection.average !== null && (
            <span>{t('status.average', { value: figure(selection.average) })}</span>
          )}
          <span>{t('status.count', { count: selection.count })}</span>
          {selection.numbers > 0 && (
            <span>{t('status.sum', { value: figure(selection.sum) })}</span>
          )}
        </span>
      )}
      <span
        className={`status-save status-${saveState}`}
        data-save-state={saveState}
        aria-live="polite"
        title={t('status.autosave')}
      >
        {t(
          saveState === 'saving'
            ? 'status.saving'
            : saveState === 'failed'
              ? 'status.saveFailed'
              : 'status.saved',
        )}
        {props.explainAutosave && saveState === 'saved' && (
          <span className="status-autosave"> · {t('status.autosave')}</span>
        )}
      </span>
      <span
        className={
          counts.errors
            ? 'status-counts has-errors'
            : counts.warnings
              ? 'status-counts has-warnings'
              : 'status-counts'
        }
        data-testid="finding-counts"
      >
        {t('status.counts', { errors: counts.errors, warnings: counts.warnings })}
      </span>
      {info.readOnly && <span className="status-readonly">{t('status.readOnly')}</span>}
      <span className="status-zoom">
        <button
          type="button"
          className="zoom-button"
          aria-label={t('menu.zoomOut')}
          onClick={() => props.onZoom(-1)}
        >
          −
        </button>
        <button
          type="button"
          className="zoom-value"
          data-testid="zoom"
          title={t('menu.zoomReset')}
          onClick={() => props.onZoom(0)}
        >
          {Math.round(props.zoom * 100)} %
        </button>
        <button
          type="button"
          className="zoom-button"
          aria-label={t('menu.zoomIn')}
          onClick={() => props.onZoom(1)}
        >
          +
        </button>
      </span>
    </footer>
  );
}
