/** The line at the bottom: which document, whether what is shown is on disk, how many problems. */
import type { DocumentInfo } from '../../shared/api';
import { t, useLanguage } from '../i18n';
import type { FindingCounts } from '../checks/use-findings';

interface StatusBarProps {
  info: DocumentInfo | null;
  pendingWrites: number;
  lastWriteFailed: boolean;
  counts: FindingCounts;
}

export function StatusBar({ info, pendingWrites, lastWriteFailed, counts }: StatusBarProps) {
  useLanguage();
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
      <span
        className={`status-save status-${saveState}`}
        data-save-state={saveState}
        aria-live="polite"
      >
        {t(
          saveState === 'saving'
            ? 'status.saving'
            : saveState === 'failed'
              ? 'status.saveFailed'
              : 'status.saved',
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
      {info.readOnly && (
        <span className="status-readonly">
          {info.readOnlyReason
            ? t('status.readOnlyReason', { reason: info.readOnlyReason })
            : t('status.readOnly')}
        </span>
      )}
    </footer>
  );
}
