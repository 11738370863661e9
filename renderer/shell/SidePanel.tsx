/**
 * A panel beside the grid (structure, history): a region named by its heading, with a close
 * button the keyboard reaches right after the heading.
 */
import type { ReactNode } from 'react';
import { t } from '../i18n';

export function SidePanel({
  className,
  heading,
  testId,
  onClose,
  children,
}: {
  className: string;
  heading: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <aside
      className={`side-panel ${className}`}
      role="region"
      aria-label={heading}
      data-testid={testId}
    >
      <div className="panel-heading-row">
        <h2 className="panel-heading">{heading}</h2>
        <button
          type="button"
          className="button button-small button-quiet"
          aria-label={t('panel.close')}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      {children}
    </aside>
  );
}
