/** One row's place in the table's arithmetic: its role and the unit key that matches it across tables. */
import { useId, useState } from 'react';
import { ROW_ROLES, type Row, type RowRole } from '../../shared/model';
import { t, useLanguage, type MessageKey } from '../i18n';

const ROLE_LABELS: Record<RowRole, MessageKey> = {
  group: 'structure.role.group',
  detail: 'structure.role.detail',
  subtotal: 'structure.role.subtotal',
  total: 'structure.role.total',
};

interface RowFormProps {
  row: Row;
  onSave(patch: { role?: RowRole; unitKey?: string | null }): void;
}

export function RowForm({ row, onSave }: RowFormProps) {
  useLanguage();
  const id = useId();
  const [role, setRole] = useState<RowRole>(row.role);
  const [unitKey, setUnitKey] = useState(row.unitKey ?? '');
  const patch: { role?: RowRole; unitKey?: string | null } = {};
  if (role !== row.role) patch.role = role;
  const key = unitKey.trim() === '' ? null : unitKey.trim();
  if (key !== row.unitKey) patch.unitKey = key;
  const changed = Object.keys(patch).length > 0;
  return (
    <form
      className="structure-form"
      aria-label={t('structure.rowForm')}
      onSubmit={(event) => {
        event.preventDefault();
        if (changed) onSave(patch);
      }}
    >
      <div className="form-row">
        <div className="form-cell">
          <label className="field-label" htmlFor={`${id}-role`}>
            {t('structure.role')}
          </label>
          <select
            id={`${id}-role`}
            className="text-field"
            value={role}
            onChange={(e) => setRole(e.target.value as RowRole)}
          >
            {ROW_ROLES.map((value) => (
              <option key={value} value={value}>
                {t(ROLE_LABELS[value])}
              </option>
            ))}
          </select>
        </div>
        <div className="form-cell">
          <label className="field-label" htmlFor={`${id}-unit`}>
            {t('structure.unitKey')}
          </label>
          <input
            id={`${id}-unit`}
            className="text-field"
            value={unitKey}
            placeholder={t('structure.unitKeyExample')}
            onChange={(e) => setUnitKey(e.target.value)}
          />
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={!changed}>
          {t('structure.saveRow')}
        </button>
      </div>
    </form>
  );
}
