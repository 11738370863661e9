/** The title printed above the table and its unit line ("Đơn vị tính: người; %"). */
import { useId, useState } from 'react';
import type { Table } from '../../shared/model';
import type { ChangeFn } from '../document/use-document-session';
import { t, useLanguage } from '../i18n';

export function TableInfoForm({ table, change }: { table: Table; change: ChangeFn }) {
  useLanguage();
  const id = useId();
  const [title, setTitle] = useState(table.title);
  const [unit, setUnit] = useState(table.unit);
  const changed = title !== table.title || unit !== table.unit;
  return (
    <form
      className="structure-form"
      aria-label={t('structure.tableForm')}
      onSubmit={(event) => {
        event.preventDefault();
        if (changed) void change('table.setInfo', { tableId: table.id, title, unit });
      }}
    >
      <label className="field-label" htmlFor={`${id}-title`}>
        {t('structure.title')}
      </label>
      <input
        id={`${id}-title`}
        className="text-field"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <div className="form-row">
        <div className="form-cell">
          <label className="field-label" htmlFor={`${id}-unit`}>
            {t('structure.unit')}
          </label>
          <input
            id={`${id}-unit`}
            className="text-field"
            value={unit}
            onChange={(e) => setUnit(e.target.value)}
          />
        </div>
        <div className="form-actions form-actions-inline">
          <button type="submit" className="button" disabled={!changed}>
            {t('structure.saveTable')}
          </button>
        </div>
      </div>
    </form>
  );
}
