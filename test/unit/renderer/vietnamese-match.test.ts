import { describe, expect, it } from 'vitest';
import { vietnameseSearch } from '../../../renderer/find/vietnamese-match';

const spans = (query: string, text: string) => vietnameseSearch(query)?.spans(text) ?? [];

describe('find matches Vietnamese as people type it', () => {
  it('finds a name whatever the tone-mark placement, case and Unicode form', () => {
    for (const query of ['Hoà', 'hòa', 'HÒA', 'Hoà'.normalize('NFD'), 'hòa'.normalize('NFD')])
      expect(spans(query, 'Lộc Hòa'), query).toEqual([[4, 7]]);
    expect(spans('thuỷ', 'Xã Thủy Sơn')).toEqual([[3, 7]]);
  });

  it('a search without diacritics finds the words with them; one with diacritics means them', () => {
    expect(spans('hoa binh', 'Xã Hòa Bình')).toEqual([[3, 11]]);
    expect(spans('dong', 'Đồng Nai')).toEqual([[0, 4]]);
    expect(spans('hòa', 'Hoa Lư')).toEqual([]);
    expect(spans('lộc hoa', 'Lộc Hòa')).toEqual([]);
  });

  it('replaces only what was found, keeping the other letters as written', () => {
    const search = vietnameseSearch('loc')!;
    expect(search.replace('Lộc Hòa, Lộc An', 'Lợc')).toBe('Lợc Hòa, Lợc An');
    expect(vietnameseSearch('hoà')!.replace('Thị trấn Hòa Bình', 'X')).toBe('Thị trấn X Bình');
  });

  it('an empty search finds nothing', () => {
    expect(vietnameseSearch('')).toBeNull();
  });
});
