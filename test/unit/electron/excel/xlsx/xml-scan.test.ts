/**
 * The streaming XML scanner of the .xlsx reader: the same tags and text whatever the chunks it is
 * fed (a tag or a character reference cut between two), namespace prefixes dropped, a DOCTYPE's
 * entities never expanded, and a construct that never ends refused. The reader built on it is
 * tested against exceljs in test/unit/import-reader.test.ts, hostile files in
 * test/unit/hostile-corpus.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  attributes,
  decodeText,
  decodeXml,
  scanXml,
  XmlScanner,
  type XmlHandler,
} from '../../../../../electron/excel/xlsx/xml-scan';
import { LimitExceeded } from '../../../../../electron/excel/xlsx/limits';

/**
 * Every event as a line: "<c r=A1>", "</c>", "text:…". Text is captured inside <t> only, in raw
 * pieces that may end mid-reference, and decoded when the <t> closes (as the sheet reader does).
 */
function recorder(): XmlHandler & { events: string[] } {
  const events: string[] = [];
  let raw = '';
  const h = {
    events,
    capturing: false,
    open(name: string, tag: string, selfClosing: boolean) {
      const a = attributes(tag);
      events.push(
        `<${name}${Object.entries(a)
          .map(([k, v]) => ` ${k}=${v}`)
          .join('')}${selfClosing ? '/' : ''}>`,
      );
      h.capturing = name === 't';
    },
    close(name: string) {
      if (name === 't') events.push(`text:${decodeText(raw)}`);
      raw = '';
      events.push(`</${name}>`);
      h.capturing = false;
    },
    text(piece: string) {
      raw += piece;
    },
  };
  return h;
}

const SHEET =
  '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY bom "BOOM">]><!-- a comment > with a bracket -->' +
  '<x:worksheet xmlns:x="urn:x"><x:c r="A1" t=\'s\'><x:t>L&#7897;c H&#xF2;a &amp; &bom;\r\nThôn 1</x:t></x:c>' +
  '<x:c r="B1"/></x:worksheet>';

describe('XmlScanner', () => {
  it('gives the same events fed whole or one character at a time', () => {
    const whole = recorder();
    scanXml(SHEET, whole);
    expect(whole.events).toEqual([
      '<worksheet xmlns:x=urn:x>',
      '<c r=A1 t=s>',
      '<t>',
      'text:Lộc Hòa & &bom;\nThôn 1',
      '</t>',
      '</c>',
      '<c r=B1/>',
      '</c>', // an empty-element tag closes too
      '</worksheet>',
    ]);
    const bits = recorder();
    const scanner = new XmlScanner(bits);
    for (const ch of SHEET) scanner.feed(ch);
    scanner.end();
    expect(bits.events).toEqual(whole.events);
  });

  it('refuses a tag that never ends instead of holding it all in memory', () => {
    const scanner = new XmlScanner(recorder());
    scanner.feed('<c r="');
    expect(() => {
      for (let k = 0; k < 5; k++) scanner.feed('A'.repeat(1024 * 1024));
    }).toThrow(LimitExceeded);
  });
});

describe('decoding', () => {
  it('decodes the five entities and character references, and drops an impossible one', () => {
    expect(decodeXml('&lt;b&gt; &quot;x&quot; &apos;y&apos; &#273; &#x110; &#0; &#x110000;')).toBe(
      '<b> "x" \'y\' đ Đ  ',
    );
    expect(decodeText('a\r\nb\rc&#13;')).toBe('a\nb\nc\r');
  });

  it('reads attributes in either quotes and skips a name without a value', () => {
    expect(attributes('<c r="A1"  s = \'3\' checked t="s&amp;t"/>')).toEqual({
      r: 'A1',
      s: '3',
      t: 's&t',
    });
  });
});
