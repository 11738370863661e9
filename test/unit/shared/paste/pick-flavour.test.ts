/**
 * Which clipboard flavour to trust, cell by cell: the HTML's table for the structure, an exact
 * raw value over a rounded display, the text/plain cell over a truncated HTML text, and text/plain
 * alone when the HTML has no table. Each program's markup is tested in test/unit/paste-html.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { pickFlavour } from '../../../../shared/paste/pick-flavour';

describe('pickFlavour', () => {
  it('takes the raw value behind a rounded display, and the text/plain cell over the HTML text', () => {
    const html =
      '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><table>' +
      '<tr><td>Xã Lộc Hòa (đã sáp nhập…</td><td x:num="1234.5678">1.234,57</td></tr></table>';
    const picked = pickFlavour({ html, text: 'Xã Lộc Hòa (đã sáp nhập)\t1.234,57\r\n' });
    expect(picked.flavour).toBe('html');
    expect(picked.source).toBe('excel');
    expect(picked.cells[0][0]).toMatchObject({ text: 'Xã Lộc Hòa (đã sáp nhập)', from: 'tsv' });
    expect(picked.cells[0][1]).toMatchObject({ raw: 1234.5678, from: 'raw' });
  });

  it('reads text/plain when the HTML holds no table, and says so', () => {
    const picked = pickFlavour({ html: '<p>Xã Lộc Hòa 12</p>', text: 'Xã Lộc Hòa\t12' });
    expect(picked.flavour).toBe('tsv');
    expect(picked.cells.map((r) => r.map((c) => c.text))).toEqual([['Xã Lộc Hòa', '12']]);
    expect(pickFlavour({ text: '' }).flavour).toBe('empty');
  });
});
