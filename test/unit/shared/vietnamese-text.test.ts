/**
 * "Hòa" and "Hoà", "Thủy" and "Thuỷ", composed or decomposed: one spelling for every comparison
 * of names. Unit names matched through it are tested in test/unit/shared/units.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { unifyToneMarks } from '../../../shared/vietnamese-text';

describe('unifyToneMarks', () => {
  it('puts the tone of oa, oe, uy on the traditional vowel, whichever way it was typed', () => {
    expect(unifyToneMarks('Xã Lộc Hoà')).toBe('Xã Lộc Hòa');
    expect(unifyToneMarks('Thuỷ')).toBe('Thủy');
    expect(unifyToneMarks('khoẻ')).toBe('khỏe');
    expect(unifyToneMarks('Xã Lộc Hòa')).toBe('Xã Lộc Hòa');
  });

  it('keeps the tone on a vowel with its own mark and on the last vowel before a consonant', () => {
    expect(unifyToneMarks('người')).toBe('người');
    expect(unifyToneMarks('hoàng')).toBe('hoàng');
    expect(unifyToneMarks('ngoài')).toBe('ngoài');
    expect(unifyToneMarks('quý')).toBe('quý');
    expect(unifyToneMarks('giữa')).toBe('giữa');
  });

  it('gives NFC text for decomposed input', () => {
    const decomposed = 'Thuỷ Nguyên'.normalize('NFD');
    expect(unifyToneMarks(decomposed)).toBe('Thủy Nguyên'.normalize('NFC'));
    expect(unifyToneMarks(decomposed)).toBe(unifyToneMarks('Thủy Nguyên'));
  });
});
