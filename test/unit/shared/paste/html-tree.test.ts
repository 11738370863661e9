/**
 * The small HTML tree of clipboard markup: entities decoded as a browser would, style text found
 * wherever it stands, elements found by tag. How clipboard tables are read from it is tested in
 * test/unit/paste-html.test.ts (with the tree's tolerance and inertness).
 */
import { describe, expect, it } from 'vitest';
import { decodeEntities, findAll, parseHtml, styleText } from '../../../../shared/paste/html-tree';

describe('html tree', () => {
  it('decodes named, decimal and hex entities, and leaves an unknown or unfinished one as written', () => {
    expect(
      decodeEntities('L&#7897;c H&ograve;a &amp; &#x110;&agrave; N&#7861;ng&nbsp;&bogus;'),
    ).toBe('Lộc Hòa & Đà Nẵng\u00a0&bogus;');
    // Without its ";" only an old Latin-1 name is read, as browsers do.
    expect(decodeEntities('5 &amp 6 &hellip &ndash;')).toBe('5 & 6 &hellip \u2013');
  });

  it('finds the style text in head and body, and cells by tag', () => {
    const root = parseHtml(
      '<html><head><style>.x{mso-number-format:"0\\.0"}</style></head><body><style>td{}</style><table><tr><td>1<td>2</table></body></html>',
    );
    expect(styleText(root)).toBe('.x{mso-number-format:"0\\.0"}\ntd{}');
    const cells = findAll(root, 'td', [], true);
    expect(cells.map((c) => c.children)).toEqual([['1'], ['2']]);
    // A table inside a cell: found only when asked to look inside what was found.
    const nested = parseHtml('<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>');
    expect(findAll(nested, 'table')).toHaveLength(1);
    expect(findAll(nested, 'table', [], true)).toHaveLength(2);
  });
});
