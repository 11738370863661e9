/**
 * Which program wrote the clipboard HTML, from the marks each leaves. Reading each program's
 * tables (merges, raw values, formats, separators) is tested in test/unit/paste-html.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { detectSource } from '../../../../shared/paste/clipboard-html';

describe('detectSource', () => {
  it('names the program by its marks', () => {
    const cases: [string, string][] = [
      ['<google-sheets-html-origin><table>', 'google-sheets'],
      ['<meta name=generator content="WPS Office"><table>', 'wps'],
      ['<meta name="generator" content="LibreOffice 7.6"><table>', 'libreoffice'],
      ['<html xmlns:w="urn:schemas-microsoft-com:office:word"><table>', 'word'],
      ['<html xmlns:x="urn:schemas-microsoft-com:office:excel"><table>', 'excel'],
      ['<meta name=ProgId content=Excel.Sheet><table>', 'excel-online'],
      ['<table class=MsoTableGrid>', 'word'],
      ['<table><tr><td x:num="12">12</td></tr></table>', 'excel'],
      ['<table><tr><td sdval="12">12</td></tr></table>', 'libreoffice'],
      ['<table><tr><td>12</td></tr></table>', 'html'],
    ];
    for (const [html, source] of cases) expect(detectSource(html), html).toBe(source);
  });
});
