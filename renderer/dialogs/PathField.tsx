/**
 * A labelled file-path field, with a "Chọn…" button next to it when the host can show a native
 * file dialog (Electron); the browser host only has the text field.
 */
import { useId } from 'react';
import type { CallInput } from '../../shared/api';
import { call } from '../api-client';
import { t } from '../i18n';

interface PathFieldProps {
  label: string;
  value: string;
  onChange(path: string): void;
  /** What the native dialog is for. */
  purpose: CallInput<'dialog.pickPath'>['purpose'];
  nativeDialogs: boolean;
  onError(error: unknown): void;
  autoFocus?: boolean;
}

export function PathField({
  label,
  value,
  onChange,
  purpose,
  nativeDialogs,
  onError,
  autoFocus,
}: PathFieldProps) {
  const id = useId();
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
      </div>
    </>
  );
}
