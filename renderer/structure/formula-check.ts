/**
 * Reading what someone types as a column's formula, live, with the check engine's own parser
 * (shared/checks/formula.ts) so the panel accepts exactly what the checks understand. The field
 * takes the right-hand side ("2+3+4+5") or the whole code-row entry ("1=2+3+4+5"), as people copy
 * it from the paper form; the error, in Vietnamese, points at the character that is wrong.
 */
import { parseCodeRowEntry } from '../../shared/checks/formula';
import { t } from '../i18n';

export type FormulaCheck =
  { ok: true; formula: string | null } | { ok: false; message: string; position: number };

export function checkFormula(
  text: string,
  ownCode: string,
  codes: readonly string[],
): FormulaCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, formula: null };
  const typedEntry = trimmed.includes('=');
  const prefix = `${ownCode}=`;
  const entry = typedEntry ? trimmed : prefix + trimmed;
  const parsed = parseCodeRowEntry(entry, { codes: [...new Set([...codes, ownCode])] });
  if (!parsed.ok) {
    const shift = typedEntry ? 0 : prefix.length;
    // The engine's message counts positions within the right-hand side: what was typed here.
    return {
      ok: false,
      message: parsed.error.message,
      position: Math.max(0, parsed.error.position - shift),
    };
  }
  if (typedEntry && parsed.code !== ownCode.trim()) {
    return {
      ok: false,
      message: t('structure.formulaOtherColumn', { code: parsed.code, own: ownCode.trim() }),
      position: 1,
    };
  }
  return { ok: true, formula: parsed.text };
}
