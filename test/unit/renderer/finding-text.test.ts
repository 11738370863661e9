/** A finding's sentences in the UI's language: Vietnamese as the checks say it, English retold. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/checks/finding';
import { findingEvidence, findingMessage } from '../../../renderer/checks/finding-text';

const base: Finding = {
  id: 't:column-total:C27',
  severity: 'error',
  kind: 'column-total',
  cause: 'transposition',
  table: 't',
  sheet: 't',
  cell: 'C27',
  cells: ['C27'],
  expected: 118691,
  actual: 118619,
  difference: -72,
  message: 'Dòng Tổng cộng ở cột 1 phải là …',
  evidence: 'Biểu nhận ra từ số liệu: dòng tổng cộng các dòng, đúng ở 8/9 cột',
  suggestion: null,
};

describe('finding text', () => {
  it('keeps the checks’ Vietnamese in the Vietnamese UI', () => {
    expect(findingMessage(base, 'vi')).toBe(base.message);
    expect(findingEvidence(base, 'vi')).toBe(base.evidence);
  });

  it('retells a comparison in English from its figures, with the likely cause', () => {
    expect(findingMessage(base, 'en')).toBe(
      'Cell C27 should be 118.691 by the sum of the rows it covers; it states 118.619 (difference −72). Likely cause: two digits swapped.',
    );
    expect(findingEvidence(base, 'en')).toBe(
      'found in the figures: dòng tổng cộng các dòng, holds in 8/9 columns',
    );
  });

  it('names a finding without figures by what it is about; one with no English yet stays Vietnamese', () => {
    const text = { ...base, kind: 'not-a-number' as const, expected: null, actual: null };
    expect(findingMessage(text, 'en')).toBe('Cell C27 holds text where its column holds figures.');
    const report = { ...text, kind: 'text' as const, message: 'Câu văn ghi 31 hộ …' };
    expect(findingMessage(report, 'en')).toBe('Câu văn ghi 31 hộ …');
  });
});
