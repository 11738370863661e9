/**
 * A labelled file-path field, with a "Chọn…" button next to it: the computer's own file dialog
 * where the host can show one (Electron), the host's folder browser in the browser.
 */
import { useId, useState } from 'react';
import type { CallInput } from '../../shared/api';
import { call } from '../api-client';
import { t } from '../i18n';
import { FolderBrowser } from './FolderBrowser';

interface PathFieldProps {
  label: string;
  value: string;
  onChange(path: string): void;
  /** What the native dialog is for. */
  purpose: CallInput<'dialog.pickPath'>['purpose'];
  nativeDialogs: boolean;
  onError(error: unknown): void;
  autoFocus?: boolean;
  /** The hint under the field, read with it. */
  describedBy?: string;
}

export function PathField({
  label,
  value,
  onChange,
  purpose,
  nativeDialogs,
  onError,
  autoFocus,
  describedBy,
}: PathFieldProps) {
  const id = useId();
  const [browsing, setBrowsing] = useState(false);
  return (
    <>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="path-row">
        <input
          id={id}
          className="text-field"
          value={value}
          autoFocus={autoFocus}
          spellCheck={false}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
        {nativeDialogs && (
          <button
            type="button"
            className="button"
            onClick={() =>
              call('dialog.pickPath', { purpose }).then(
                (picked) => picked && onChange(picked),
                onError,
              )
            }
          >
            {t('dialog.browse')}
          </button>
        )}
        {!nativeDialogs && (
          <button
            type="button"
            className="button"
            aria-expanded={browsing}
            onClick={() => setBrowsing(!browsing)}
          >
            {t('dialog.browse')}
          </button>
        )}
      </div>
      {browsing && <FolderBrowser purpose={purpose} value={value} onChange={onChange} />}
    </>
  );
}
