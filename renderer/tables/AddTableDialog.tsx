/** "Thêm biểu": a table from one of the templates (built-in or saved by the user), or a blank one. */
import { useId, useState } from 'react';
import { Modal } from '../dialogs/Modal';
import { TemplateChoice } from '../dialogs/TemplateChoice';
import { useTemplates } from '../dialogs/use-templates';
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
  const templates = useTemplates(onError);
  const [chosen, setChosen] = useState<string>(BLANK);
  const [name, setName] = useState(t('tables.blankName'));
  const nameId = useId();

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
        <TemplateChoice
          template={{ name: t('tables.blank'), description: t('tables.blankDetail') }}
          type="radio"
          group="new-table"
          checked={blank}
          onChange={() => setChosen(BLANK)}
        />
        {(templates ?? []).map((template) => (
          <TemplateChoice
            key={template.id}
            template={template}
            type="radio"
            group="new-table"
            checked={chosen === template.id}
            onChange={() => setChosen(template.id)}
          />
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
