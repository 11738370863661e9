/**
 * A finding's sentences in the UI's language. The checks say everything in Vietnamese (the
 * language of the tables and of the findings sheet that goes to the statistics office); in the
 * English UI the sentence is told again from the finding's own facts — its kind, its cell, the
 * stated and the computed figure, the difference and the likely cause — and the evidence line's
 * usual phrases are put into English. What has no English telling yet stays in Vietnamese
 * rather than being guessed at.
 */
import { CAUSE_NAMES, type Finding, type Suggestion } from '../../shared/checks/finding';
import { decimalsNeeded, formatNumber } from '../../shared/numbers';
import type { Language } from '../i18n';

/** As the grid writes figures: no decimal the value has is hidden. */
const shown = (value: number) => formatNumber(value, decimalsNeeded(value, 6));
const signed = (value: number) => (value > 0 ? `+${shown(value)}` : shown(value));

/** What the computed figure is, by the kind of check that computed it. */
const COMPUTED_BY: Partial<Record<Finding['kind'], string>> = {
  'column-total': 'the sum of the rows it covers',
  'row-formula': "its column's formula",
  ratio: "its column's formula",
  'header-sum': 'the columns under its header',
  'cross-table': 'the linked table',
  inferred: 'the relation found in the figures',
  'user-rule': 'your rule',
  threshold: 'the target',
};

/** Findings that compare no figures, told by what they are about. */
const FLAG: Partial<Record<Finding['kind'], (cell: string) => string>> = {
  'not-a-number': (cell) => `Cell ${cell} holds text where its column holds figures.`,
  numbering: (cell) => `The item number in cell ${cell} is out of sequence.`,
  'duplicate-code': (cell) => `The code in cell ${cell} is used more than once in the table.`,
  'error-value': (cell) => `Cell ${cell} holds an Excel error value instead of a figure.`,
  magnitude: (cell) =>
    `The figure in cell ${cell} is far outside the range of its column: perhaps another unit.`,
};

export function findingMessage(finding: Finding, language: Language): string {
  if (language === 'vi') return finding.message;
  const { cell, expected, actual, difference, cause } = finding;
  if (expected !== null && actual !== null) {
    const by = COMPUTED_BY[finding.kind] ?? 'the check';
    const gap = difference !== null ? ` (difference ${signed(difference)})` : '';
    const why = cause ? ` Likely cause: ${CAUSE_NAMES[cause].en.toLowerCase()}.` : '';
    return `Cell ${cell} should be ${shown(expected)} by ${by}; it states ${shown(actual)}${gap}.${why}`;
  }
  return FLAG[finding.kind]?.(cell) ?? finding.message;
}

/**
 * The evidence line's usual phrases, Vietnamese → English, longest first; only whole phrases,
 * never a word inside a Vietnamese phrase (which would read as neither language).
 */
const EVIDENCE_PHRASES: [RegExp, string][] = [
  [/Biểu nhận ra từ số liệu:/g, 'found in the figures:'],
  [/dòng mã cột ghi/g, 'the code row says'],
  [/có thể Biểu đọc sai bố cục của biểu/g, 'Biểu may have misread the layout'],
  [/chênh lệch là lỗi gõ/g, 'the difference is a typing slip'],
  [
    /sửa một ô thì cả (\S+) kiểm tra đang sai đều đúng/g,
    'one cell fixed makes all $1 failing checks hold',
  ],
  [/đúng ở (\S+)\/(\S+) dòng tổng/g, 'holds on $1/$2 total rows'],
  [/đúng ở (\S+)\/(\S+) dòng/g, 'holds on $1/$2 rows'],
  [/đúng ở (\S+)\/(\S+) cột/g, 'holds in $1/$2 columns'],
  [/đúng ở (\S+)\/(\S+) ô/g, 'holds in $1/$2 cells'],
  [/đúng ở (\S+)\/(\S+) mục/g, 'holds for $1/$2 items'],
  [/cột này là cột số/g, 'this is a figure column'],
];

export function findingEvidence(finding: Finding, language: Language): string {
  if (language === 'vi') return finding.evidence;
  return EVIDENCE_PHRASES.reduce((text, [from, to]) => text.replace(from, to), finding.evidence);
}

export function suggestionText(
  suggestion: Suggestion,
  finding: Finding,
  language: Language,
): string {
  if (language === 'vi') return suggestion.reason;
  const from = finding.cell === suggestion.cell ? finding.actual : null;
  const change = from !== null ? ` from ${shown(from)}` : '';
  return `Changing cell ${suggestion.cell}${change} to ${shown(suggestion.value)} makes this check hold and breaks no other.`;
}
