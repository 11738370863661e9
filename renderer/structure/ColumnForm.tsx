/**
 * One column's definition: its code, label, header groups, type, decimals and formula. The
 * formula is read as it is typed and any mistake is said in place; "Lưu cột" sends only what
 * changed, as one undoable change.
 */
import { useId, useState } from 'react';
import type { ColumnSpec } from '../../shared/api';
import { COLUMN_TYPES, type Column, type ColumnType } from '../../shared/model';
import { t, useLanguage, type MessageKey } from '../i18n';
import { checkFormula } from './formula-check';

const TYPE_LABELS: Record<ColumnType, MessageKey> = {
  integer: 'structure.type.integer',
  decimal: 'structure.type.decimal',
  percent: 'structure.type.percent',
  text: 'structure.type.text',
};

/** Header groups as one line, outermost first: "Tổng số chia ra › Nhóm I". */
export function headerPathText(path: readonly string[]): string {
  return path.join(' › ');
}

export function parseHeaderPath(text: string): string[] {
  return text
    .split(/[›>]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

interface ColumnFormProps {
  column: Column;
  codes: readonly string[];
  onSave(patch: Partial<ColumnSpec>): void;
}

export function ColumnForm({ column, codes, onSave }: ColumnFormProps) {
  useLanguage();
  const id = useId();
  const [code, setCode] = useState(column.code);
  const [label, setLabel] = useState(column.label);
  const [groups, setGroups] = useState(headerPathText(column.headerPath));
  const [type, setType] = useState<ColumnType>(column.type);
  const [decimals, setDecimals] = useState(String(column.decimals));
  const [formula, setFormula] = useState(column.formula ?? '');

  const otherCodes = codes.filter((c) => c !== column.code);
  const checked = checkFormula(formula, code.trim() || column.code, otherCodes);
  const decimalsValue = Number(decimals);
  const decimalsOk = Number.isInteger(decimalsValue) && decimalsValue >= 0 && decimalsValue <= 10;
  const codeTaken = otherCodes.includes(code.trim());
  const codeOk = code.trim() !== '' && !codeTaken;

  const patch: Partial<ColumnSpec> = {};
  if (code.trim() !== column.code) patch.code = code.trim();
  if (label !== column.label) patch.label = label;
  const path = parseHeaderPath(groups);
  if (path.join('\u0001') !== column.headerPath.join('\u0001')) patch.headerPath = path;
  if (type !== column.type) patch.type = type;
  if (decimalsOk && decimalsValue !== column.decimals) patch.decimals = decimalsValue;
  if (checked.ok && checked.formula !== column.formula) patch.formula = checked.formula;
  const valid = checked.ok && decimalsOk && codeOk;
  const changed = Object.keys(patch).length > 0;

  return (
    <form
      className="structure-form"
      aria-label={t('structure.columnForm', { code: column.code })}
      onSubmit={(event) => {
        event.preventDefault();
        if (valid && changed) onSave(patch);
      }}
    >
      <div className="form-row">
        <div className="form-cell form-cell-narrow">
          <label className="field-label" htmlFor={`${id}-code`}>
            {t('structure.code')}
          </label>
          <input
            id={`${id}-code`}
            className="text-field"
            value={code}
            aria-invalid={!codeOk}
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        <div className="form-cell">
          <label className="field-label" htmlFor={`${id}-label`}>
            {t('structure.label')}
          </label>
          <input
            id={`${id}-label`}
            className="text-field"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
          />
        </div>
      </div>
      {codeTaken && (
        <p className="field-error" role="alert">
          {t('structure.codeTaken', { code: code.trim() })}
        </p>
      )}
      <label className="field-label" htmlFor={`${id}-groups`}>
        {t('structure.groups')}
      </label>
      <input
        id={`${id}-groups`}
        className="text-field"
        value={groups}
        placeholder={t('structure.groupsExample')}
        onChange={(e) => setGroups(e.target.value)}
      />
      <div className="form-row">
        <div className="form-cell">
          <label className="field-label" htmlFor={`${id}-type`}>
            {t('structure.type')}
          </label>
          <select
            id={`${id}-type`}
            className="text-field"
            value={type}
            onChange={(e) => setType(e.target.value as ColumnType)}
          >
            {COLUMN_TYPES.map((value) => (
              <option key={value} value={value}>
                {t(TYPE_LABELS[value])}
              </option>
            ))}
          </select>
        </div>
        <div className="form-cell form-cell-narrow">
          <label className="field-label" htmlFor={`${id}-decimals`}>
            {t('structure.decimals')}
          </label>
          <input
            id={`${id}-decimals`}
            className="text-field"
            type="number"
            min={0}
            max={10}
            value={decimals}
            aria-invalid={!decimalsOk}
            onChange={(e) => setDecimals(e.target.value)}
          />
        </div>
      </div>
      <label className="field-label" htmlFor={`${id}-formula`}>
        {t('structure.formula')}
      </label>
      <input
        id={`${id}-formula`}
        className="text-field text-field-code"
        value={formula}
        placeholder={t('structure.formulaExample')}
        spellCheck={false}
        aria-invalid={!checked.ok}
        aria-describedby={`${id}-formula-note`}
        onChange={(e) => setFormula(e.target.value)}
      />
      {checked.ok ? (
        <p id={`${id}-formula-note`} className="field-hint">
          {checked.formula
            ? t('structure.codeRow', { entry: `${code.trim()}=${checked.formula}` })
            : t('structure.noFormula')}
        </p>
      ) : (
        <p id={`${id}-formula-note`} className="field-error" role="alert">
          {checked.message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={!valid || !changed}>
          {t('structure.saveColumn')}
        </button>
      </div>
    </form>
  );
}
