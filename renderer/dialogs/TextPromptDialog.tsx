/** A one-field dialog: rename the document or a table, name a template. */
import { useId, useState } from 'react';
import { t, useLanguage } from '../i18n';
import { Modal } from './Modal';

interface TextPromptDialogProps {
  title: string;
  label: string;
  initialValue: string;
  submitLabel: string;
  hint?: string;
  onCancel(): void;
  onSubmit(value: string): void;
}

export function TextPromptDialog(props: TextPromptDialogProps) {
  useLanguage();
  const [value, setValue] = useState(props.initialValue);
  const fieldId = useId();
  const hintId = useId();
  const trimmed = value.trim();
  return (
    <Modal
      title={props.title}
      submitLabel={props.submitLabel}
      submitDisabled={trimmed === ''}
      onClose={props.onCancel}
      onSubmit={() => props.onSubmit(trimmed)}
    >
      <label htmlFor={fieldId} className="field-label">
        {props.label}
      </label>
      <input
        id={fieldId}
        className="text-field"
        value={value}
        autoFocus
        spellCheck={false}
        aria-describedby={hintId}
        onChange={(event) => setValue(event.target.value)}
        onFocus={(event) => event.target.select()}
      />
      <p id={hintId} className="field-hint">
        {trimmed === '' ? t('dialog.prompt.empty') : (props.hint ?? '')}
      </p>
    </Modal>
  );
}
