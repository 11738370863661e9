/**
 * "Thông tin báo cáo": what the exported appendix prints around a table — the issuing body, the
 * report's number and date, the reference date, the place and the two signatures. Saving is one
 * undoable change of the document.
 */
import { useEffect, useId, useState } from 'react';
import { call } from '../api-client';
import { Modal } from '../dialogs/Modal';
import { t, useLanguage, type MessageKey } from '../i18n';
import { META_KEYS, type MetaKey } from '../../shared/document-meta';

/** The metadata keys the export reads, in the order of the form (the catalogue's). */
export const META_FIELDS = META_KEYS;

const LABELS: Record<MetaKey, [MessageKey, MessageKey]> = {
  agency: ['meta.agency', 'meta.agencyExample'],
  office: ['meta.office', 'meta.officeExample'],
  reportNumber: ['meta.reportNumber', 'meta.reportNumberExample'],
  reportDate: ['meta.reportDate', 'meta.dateExample'],
  referenceDate: ['meta.referenceDate', 'meta.dateExample'],
  place: ['meta.place', 'meta.placeExample'],
  preparer: ['meta.preparer', 'meta.personExample'],
  head: ['meta.head', 'meta.personExample'],
};

interface MetaDialogProps {
  readOnly: boolean;
  onCancel(): void;
  onSave(meta: Record<string, string | null>): void;
  onError(error: unknown): void;
}

export function MetaDialog({ readOnly, onCancel, onSave, onError }: MetaDialogProps) {
  useLanguage();
  const [values, setValues] = useState<Record<string, string> | null>(null);
  const idPrefix = useId();

  useEffect(() => {
    let live = true;
    call('meta.get', {}).then(
      (meta) => live && setValues(meta),
      (error: unknown) => {
        if (!live) return;
        setValues({});
        onError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [onError]);

  return (
    <Modal
      title={t('meta.title')}
      submitLabel={t('meta.save')}
      submitDisabled={values === null || readOnly}
      onClose={onCancel}
      onSubmit={() => {
        if (!values) return;
        const meta: Record<string, string | null> = {};
        for (const key of META_FIELDS) meta[key] = values[key]?.trim() || null;
        onSave(meta);
      }}
    >
      {values === null ? (
        <p className="field-hint">{t('start.loading')}</p>
      ) : (
        <div className="meta-grid">
          {META_FIELDS.map((key) => {
            const [label, example] = LABELS[key];
            const id = `${idPrefix}-${key}`;
            return (
              <div key={key} className={key === 'agency' || key === 'office' ? 'meta-wide' : ''}>
                <label htmlFor={id} className="field-label">
                  {t(label)}
                </label>
                <input
                  id={id}
                  className="text-field"
                  name={key}
                  value={values[key] ?? ''}
                  placeholder={t(example)}
                  readOnly={readOnly}
                  onChange={(event) => setValues({ ...values, [key]: event.target.value })}
                />
              </div>
            );
          })}
        </div>
      )}
    </Modal>
  );
}
