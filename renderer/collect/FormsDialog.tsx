/**
 * "Gửi biểu mẫu cho các đơn vị…": one entry workbook per unit of the table on screen, into a
 * folder (electron/forms). A folder that already holds a form of the same name is refused by the
 * host with one sentence, and nothing is written.
 */
import { useCallback, useState } from 'react';
import type { CallOutput } from '../../shared/api';
import { call, messageOf } from '../api-client';
import { Modal } from '../dialogs/Modal';
import { PathField } from '../dialogs/PathField';
import { t, useLanguage } from '../i18n';
import { CheckboxField } from '../dialogs/CheckboxField';

interface FormsDialogProps {
  table: { id: number; name: string };
  initialDir: string;
  nativeDialogs: boolean;
  onClose(): void;
  onWritten(result: CallOutput<'collect.forms'>, dir: string): void;
}

export function FormsDialog({
  table,
  initialDir,
  nativeDialogs,
  onClose,
  onWritten,
}: FormsDialogProps) {
  useLanguage();
  const [dir, setDir] = useState(initialDir);
  const [breakdown, setBreakdown] = useState(false);
  const [rows, setRows] = useState(5);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reportError = useCallback((e: unknown) => setError(messageOf(e)), []);

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      const target = dir.trim();
      const result = await call('collect.forms', {
        tableId: table.id,
        dir: target,
        breakdown: breakdown ? rows : 0,
      });
      onWritten(result, target);
    } catch (e) {
      reportError(e);
      setRunning(false);
    }
  };

  return (
    <Modal
      title={t('forms.title')}
      submitLabel={running ? t('forms.running') : t('forms.submit')}
      submitDisabled={running || dir.trim() === ''}
      onClose={onClose}
      onSubmit={() => void run()}
      testId="forms-dialog"
    >
      {error && (
        <p className="import-refused" role="alert">
          {error}
        </p>
      )}
      <p className="field-hint">{t('forms.intro', { name: table.name })}</p>
      <PathField
        label={t('forms.dir')}
        value={dir}
        onChange={setDir}
        purpose="export"
        nativeDialogs={nativeDialogs}
        onError={reportError}
        autoFocus
      />
      <CheckboxField className="export-choice" checked={breakdown} onChange={setBreakdown}>
        {t('forms.breakdown')}
      </CheckboxField>
      {breakdown && (
        <label className="export-choice">
          {t('forms.breakdownRows')}
          <input
            type="number"
            className="text-field collect-rows"
            min={1}
            max={200}
            value={rows}
            onChange={(event) =>
              setRows(Math.max(1, Math.min(200, Number(event.target.value) || 1)))
            }
          />
        </label>
      )}
    </Modal>
  );
}
