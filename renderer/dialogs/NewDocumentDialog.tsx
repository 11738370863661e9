/** "Mới…": pick the templates the new document starts with and where to save it. */
import { useState } from 'react';
import { t, useLanguage } from '../i18n';
import { Modal } from './Modal';
import { PathField } from './PathField';
import { TemplateChoice } from './TemplateChoice';
import { useTemplates } from './use-templates';

interface NewDocumentDialogProps {
  initialPath: string;
  /** The host can show a native save dialog (Electron): offer it next to the path field. */
  nativeDialogs: boolean;
  onCancel(): void;
  onCreate(path: string, templateIds: string[]): void;
  onError(error: unknown): void;
}

export function NewDocumentDialog({
  initialPath,
  nativeDialogs,
  onCancel,
  onCreate,
  onError,
}: NewDocumentDialogProps) {
  useLanguage();
  const templates = useTemplates(onError);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [path, setPath] = useState(initialPath);

  const toggle = (id: string) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const trimmed = path.trim();
  const ready = chosen.size > 0 && trimmed !== '';
  return (
    <Modal
      title={t('dialog.new.title')}
      submitLabel={t('dialog.new.submit')}
      submitDisabled={!ready}
      onClose={onCancel}
      // Keep the templates in the order the host lists them, whatever order they were ticked in.
      onSubmit={() =>
        onCreate(
          trimmed,
          (templates ?? []).filter((x) => chosen.has(x.id)).map((x) => x.id),
        )
      }
    >
      <fieldset className="template-choices">
        <legend className="field-label">{t('dialog.new.templates')}</legend>
        {templates === null ? (
          <p className="field-hint">{t('start.loading')}</p>
        ) : templates.length === 0 ? (
          <p className="field-hint">{t('dialog.new.noTemplates')}</p>
        ) : (
          templates.map((template) => (
            <TemplateChoice
              key={template.id}
              template={template}
              type="checkbox"
              checked={chosen.has(template.id)}
              onChange={() => toggle(template.id)}
            />
          ))
        )}
      </fieldset>
      <PathField
        label={t('dialog.new.path')}
        value={path}
        onChange={setPath}
        purpose="save"
        nativeDialogs={nativeDialogs}
        onError={onError}
      />
      {templates !== null && templates.length > 0 && chosen.size === 0 && (
        <p className="field-hint">{t('dialog.new.chooseOne')}</p>
      )}
    </Modal>
  );
}
