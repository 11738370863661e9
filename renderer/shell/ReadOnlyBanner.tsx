/**
 * The band that says the document is open read-only and why — most often because another Biểu
 * window or process is editing it (a lock), or it comes from a newer version. Nothing can be
 * changed while it shows; the grid and every editing command say so too.
 */
import type { DocumentInfo } from '../../shared/api';
import { t, useLanguage } from '../i18n';

export function ReadOnlyBanner({ info }: { info: DocumentInfo }) {
  useLanguage();
  if (!info.readOnly) return null;
  return (
    <div className="readonly-banner" role="status" data-testid="readonly-banner">
      <strong>{t('readOnly.title')}</strong>
      <span>{info.readOnlyReason ?? t('readOnly.noReason')}</span>
    </div>
  );
}
