/**
 * Unit-name keys: the variants of real names (the official list of the 3,321 communes after the
 * 2025 merger, read when it is on this machine, and the quirks of its names) give one key;
 * different units keep theirs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTotalLabel, normalizeUnitName, TOTAL_KEY, unifyToneMarks } from '../../../shared/units';

const key = normalizeUnitName;

const LIST = fileURLToPath(
  new URL('../../../../shared/data/vn_units_2025-07-01_2level.csv', import.meta.url),
);
const hasList = existsSync(LIST);
if (!hasList)
  console.warn(`units.test: ${LIST} is absent; the tests over the real list are skipped`);

function communes(): { province: string; name: string }[] {
  return readFileSync(LIST, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const f = l.split(',');
      return { province: f[1], name: f.slice(5).join(',') };
    });
}

const TONES = '\u0300\u0301\u0303\u0309\u0323';
/** The other tone placement of "oa", "oe", "uy" at the end of a word: "hòa" ↔ "hoà". */
function otherStyle(name: string): string {
  const nfd = name.normalize('NFD');
  const firstToSecond = new RegExp(`([oOuU])([${TONES}])([aAeEyY])(?![\\p{L}\\p{M}])`, 'gu');
  const secondToFirst = new RegExp(`([oOuU])([aAeEyY])([${TONES}])(?![\\p{L}\\p{M}])`, 'gu');
  const swapped = firstToSecond.test(nfd)
    ? nfd.replace(firstToSecond, '$1$3$2')
    : nfd.replace(secondToFirst, '$1$3$2');
  return swapped.normalize('NFC');
}

describe('normalizeUnitName', () => {
  it('ignores type words and their abbreviations', () => {
    for (const v of [
      'Thị trấn Lộc Ninh',
      'TT Lộc Ninh',
      'TT. Lộc Ninh',
      'TT.Lộc Ninh',
      'Thị Trấn Lộc Ninh',
      'thị trấn lộc ninh',
      'Lộc Ninh',
    ]) {
      expect(key(v), v).toBe('lộc ninh');
    }
    for (const v of ['Xã Lộc Hòa', 'Lộc Hòa', 'X. Lộc Hòa', 'XÃ LỘC HÒA', 'xã  Lộc   Hoà ']) {
      expect(key(v), v).toBe('lộc hòa');
    }
    expect(key('Phường Tân Định')).toBe(key('P. Tân Định'));
    expect(key('Quận Ba Đình')).toBe(key('Q. Ba Đình'));
    expect(key('Huyện Lộc Ninh')).toBe(key('H. Lộc Ninh'));
    for (const v of [
      'Thành phố Hồ Chí Minh',
      'TP Hồ Chí Minh',
      'TP. Hồ Chí Minh',
      'TP.Hồ Chí Minh',
    ]) {
      expect(key(v), v).toBe('hồ chí minh');
    }
    expect(key('Thị xã Phú Mỹ')).toBe(key('TX. Phú Mỹ'));
    expect(key('Đặc khu Phú Quốc')).toBe('phú quốc');
    expect(key('Tỉnh Lào Cai')).toBe('lào cai');
  });

  it('keeps the type of a numbered unit: Phường 1 = P.1 = P. 01, but not Quận 1 or Phường 10', () => {
    for (const v of ['Phường 1', 'P.1', 'P. 01', 'P1', 'phường 01', 'PHƯỜNG 1'])
      expect(key(v), v).toBe('phường 1');
    expect(key('Quận 1')).toBe('quận 1');
    expect(key('Q.1')).toBe('quận 1');
    expect(key('Phường 10')).not.toBe(key('Phường 1'));
    expect(key('Phường IV')).toBe('phường iv');
    expect(key('Phường I')).not.toBe(key('Phường 1'));
    expect(key('Xã Tam Xuân II')).toBe('tam xuân ii');
    expect(key('Phường Móng Cái 3')).toBe('móng cái 3');
    expect(key('Xã Đại Ân  02')).toBe(key('Xã Đại Ân 2'));
  });

  it('unifies the tone-mark placement, old style and new', () => {
    expect(key('Phường Yên Hoà')).toBe(key('Phường Yên Hòa'));
    expect(key('Thuỷ Nguyên')).toBe(key('Thủy Nguyên'));
    expect(key('Khoẻ')).toBe(key('Khỏe'));
    expect(unifyToneMarks('hoà thuỷ khoẻ')).toBe('hòa thủy khỏe');
    // Closed syllables and marked vowels keep their one right place.
    for (const w of [
      'hoàng',
      'quảng',
      'nguyễn',
      'huỳnh',
      'ngoài',
      'xoáy',
      'của',
      'gì',
      'giếng',
      'quý',
      'thuở',
      'khuyến',
      'trường',
    ]) {
      expect(unifyToneMarks(w), w).toBe(w);
    }
    expect(unifyToneMarks('hòang')).toBe('hoàng'); // a mark misplaced by hand
  });

  it('reads decomposed Unicode (NFD) as composed', () => {
    expect(key('Thị trấn Lộc Ninh'.normalize('NFD'))).toBe('lộc ninh');
    expect(key('Phường Yên Hoà'.normalize('NFD'))).toBe(key('Yên Hòa'));
  });

  it('evens out spaces, apostrophes and hyphens', () => {
    expect(key("Xã Ea H'leo")).toBe(key("Xã Ea H'Leo"));
    expect(key("Xã K' Dang")).toBe(key("Xã K'Dang"));
    expect(key('Xã Ea M’Droh')).toBe(key("Xã Ea M'Droh"));
    expect(key('Xã Cò  Nòi')).toBe(key('Xã Cò Nòi'));
    expect(key('Xã Bình Khánh ')).toBe(key('Xã Bình Khánh'));
    expect(key('Huyện  Vũng Liêm')).toBe('vũng liêm');
    expect(key('Phường Văn Miếu - Quốc Tử Giám')).toBe(key('Phường Văn Miếu-Quốc Tử Giám'));
    expect(key('Tỉnh Bà Rịa – Vũng Tàu')).toBe(key('Bà Rịa - Vũng Tàu'));
    expect(key('Xã\u00a0Lộc\u200bHòa'.replace('\u200b', ' '))).toBe('lộc hòa');
  });

  it('maps every grand-total label to one key', () => {
    for (const v of [
      'Tổng cộng',
      'TỔNG CỘNG',
      'Tổng cộng:',
      'Toàn huyện',
      'Toàn Huyện',
      'Toàn tỉnh',
      'Toàn quốc',
      '00 Toàn quốc',
      'Tổng số',
      'Tổng',
      'Cộng',
      'Cả nước',
      'Toàn thành phố',
      'Tổng cộng toàn huyện',
    ]) {
      expect(key(v), v).toBe(TOTAL_KEY);
      expect(isTotalLabel(v), v).toBe(true);
    }
    // Real communes whose names begin with those words are units, not totals.
    for (const v of ['Xã Cộng Hòa', 'Xã Toàn Thắng', 'Xã Cộng Hiền', 'Phường Toàn Thắng']) {
      expect(key(v), v).not.toBe(TOTAL_KEY);
    }
  });

  it('drops numbering before a label', () => {
    expect(key('1. Tỉnh Lào Cai')).toBe('lào cai');
    expect(key('II. Huyện Lộc Ninh')).toBe('lộc ninh');
    expect(key('X. Lộc Hòa')).toBe('lộc hòa'); // X. is Xã, not the Roman ten
  });

  it('gives an empty name an empty key', () => {
    expect(key('')).toBe('');
    expect(key('   ')).toBe('');
  });
});

describe.skipIf(!hasList)('normalizeUnitName on the 3,321 communes of 2025', () => {
  it('keeps every commune of a province apart, and none is a total', () => {
    const seen = new Map<string, string>();
    for (const { province, name } of communes()) {
      const k = key(name);
      expect(k, name).not.toBe(TOTAL_KEY);
      expect(k, name).not.toBe('');
      const id = `${province}|${k}`;
      expect(seen.get(id), `${name} and ${seen.get(id)} in ${province}`).toBeUndefined();
      seen.set(id, name);
    }
    expect(seen.size).toBe(3321);
  });

  it('gives each name one key whatever its form: NFD, case, tone placement, prefix', () => {
    let swapped = 0;
    for (const { name } of communes()) {
      const k = key(name);
      expect(key(name.normalize('NFD')), name).toBe(k);
      expect(key(name.toUpperCase()), name).toBe(k);
      const other = otherStyle(name);
      if (other !== name) swapped++;
      expect(key(other), `${name} / ${other}`).toBe(k);
      const bare = name.replace(/^(Xã|Phường|Đặc khu) /, '');
      if (!/^\d+$/.test(bare) && !/^[IVX]+$/.test(bare)) expect(key(bare), name).toBe(k);
      const abbreviated = name.replace(/^Xã /, 'X. ').replace(/^Phường /, 'P. ');
      expect(key(abbreviated), name).toBe(k);
    }
    expect(swapped).toBeGreaterThan(50); // the list does have "òa/ủy" names to swap
  });
});
