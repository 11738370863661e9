/** "Thêm biểu": a table from one of the templates (built-in or saved by the user), or a blank one. */
import { useEffect, useId, useState } from 'react';
import type { TemplateInfo } from '../../shared/api';
import { call } from '../api-client';
import { Modal } from '../dialogs/Modal';
import { t, useLanguage } from '../i18n';

export type NewTableChoice = { templateId: string } | { name: string };

interface AddTableDialogProps {
  onCancel(): void;
  onAdd(choice: NewTableChoice): void;
  onError(error: unknown): void;
}

const BLANK = '';

export function AddTableDialog({ onCancel, onAdd, onError }: AddTableDialogProps) {
  useLanguage();
  const [templates, setTemplates] = useState<TemplateInfo[] | null>(null);
  const [chosen, setChosen] = useState<string>(BLANK);
  const [name, setName] = useState(t('tables.blankName'));
  const nameId = useId();

  useEffect(() => {
    let live = true;
    call('templates.list', {}).then(
      (list) => live && setTemplates(list),
      (error: unknown) => {
        if (!live) return;
        setTemplates([]);
        onError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [onError]);

  const blank = chosen === BLANK;
  return (
    <Modal
      title={t('tables.addTitle')}
      submitLabel={t('tables.addSubmit')}
      submitDisabled={blank && name.trim() === ''}
      onClose={onCancel}
      onSubmit={() => onAdd(blank ? { name: name.trim() } : { templateId: chosen })}
    >
      <fieldset className="template-choices">
        <legend className="field-label">{t('tables.addFrom')}</legend>
        <label className="template-choice">
          <input type="radio" name="new-table" checked={blank} onChange={() => setChosen(BLANK)} />
          <span>
            <span className="template-name">{t('tables.blank')}</span>
            <span className="template-description">{t('tables.blankDetail')}</span>
          </span>
        </label>
        {(templates ?? []).map((template) => (
          <label key={template.id} className="template-choice">
            <input
              type="radio"
              name="new-table"
              checked={chosen === template.id}
              onChange={() => setChosen(template.id)}
            />
            <span>
              <span className="template-name">{template.name}</span>
              {template.description && (
                <span className="template-description">{template.description}</span>
              )}
            </span>
          </label>
        ))}
      </fieldset>
      {blank && (
        <>
          <label htmlFor={nameId} className="field-label">
            {t('tables.name')}
          </label>
          <input
            id={nameId}
            className="text-field"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </>
      )}
    </Modal>
  );
}
