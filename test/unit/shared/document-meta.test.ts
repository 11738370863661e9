/** The catalogue of document metadata: every key named, an unknown key named as stored. */
import { describe, expect, it } from 'vitest';
import { META_KEYS, META_NAMES, isMetaKey, metaName } from '../../../shared/document-meta';

describe('document metadata keys', () => {
  it('names every key Biểu knows, and a key it does not know as stored', () => {
    expect(Object.keys(META_NAMES).sort()).toEqual([...META_KEYS].sort());
    expect(metaName('reportNumber')).toBe('số báo cáo');
    expect(metaName('ghiChuRieng')).toBe('ghiChuRieng');
    expect(isMetaKey('agency')).toBe(true);
    expect(isMetaKey('toString')).toBe(false);
  });
});
