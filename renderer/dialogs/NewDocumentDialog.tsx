/** "Mới…": pick the templates the new document starts with and where to save it. */
import { useEffect, useId, useState } from 'react';
import type { TemplateInfo } from '../../shared/api';
import { call } from '../api-client';
import { t, useLanguage } from '../i18n';
import { Modal } from './Modal';

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
  const [templates, setTemplates] = useState<TemplateInfo[] | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [path, setPath] = useState(initialPath);
  const pathId = useId();

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
            <label key={template.id} className="template-choice">
              <input
                type="checkbox"
                checked={chosen.has(template.id)}
                onChange={() => toggle(template.id)}
              />
              <span>
                <span className="template-name">{template.name}</span>
                {template.description && (
                  <span className="template-description">{template.description}</span>
                )}
              </span>
            </label>
          ))
        )}
      </fieldset>
      <label htmlFor={pathId} className="field-label">
        {t('dialog.new.path')}
      </label>
      <div className="path-row">
        <input
          id={pathId}
          className="text-field"
          value={path}
          spellCheck={false}
          onChange={(event) => setPath(event.target.value)}
        />
        {nativeDialogs && (
          <button
            type="button"
            className="button"
            onClick={() =>
              call('dialog.pickPath', { purpose: 'save' }).then(
                (picked) => picked && setPath(picked),
                onError,
              )
            }
          >
            {t('dialog.browse')}
          </button>
        )}
      </div>
      {templates !== null && templates.length > 0 && chosen.size === 0 && (
        <p className="field-hint">{t('dialog.new.chooseOne')}</p>
      )}
    </Modal>
  );
}
