/**
 * Asking for a file path where there is no native file dialog (the browser host): a text field
 * for the path on the machine that runs Biểu, and the host's folder browser to find it by clicks.
 */
import { useId, useState } from 'react';
import { PathField } from './PathField';
import { t, useLanguage, type MessageKey } from '../i18n';
import { Modal } from './Modal';

export type PathPurpose = 'open' | 'save' | 'blank';

const TITLES: Record<PathPurpose, [MessageKey, MessageKey]> = {
  open: ['dialog.open.title', 'dialog.open.submit'],
  save: ['dialog.saveAs.title', 'dialog.saveAs.submit'],
  blank: ['dialog.blank.title', 'dialog.blank.submit'],
};

interface PathDialogProps {
  purpose: PathPurpose;
  initialPath: string;
  onCancel(): void;
  onChoose(path: string): void;
}

export function PathDialog({ purpose, initialPath, onCancel, onChoose }: PathDialogProps) {
  useLanguage();
  const [path, setPath] = useState(initialPath);
  const hintId = useId();
  const trimmed = path.trim();
  const [title, submit] = TITLES[purpose];
  return (
    <Modal
      title={t(title)}
      submitLabel={t(submit)}
      submitDisabled={trimmed === ''}
      onClose={onCancel}
      onSubmit={() => onChoose(trimmed)}
    >
      <PathField
        label={t('dialog.path.label')}
        value={path}
        onChange={setPath}
        purpose={purpose === 'open' ? 'open' : 'save'}
        nativeDialogs={false}
        onError={() => undefined}
        autoFocus
        describedBy={hintId}
      />
      <p id={hintId} className="field-hint">
        {trimmed === ''
          ? t('dialog.path.empty')
          : t('dialog.path.hint', { example: initialPath || '/home/…/Bao-cao.bieu' })}
      </p>
    </Modal>
  );
}
