/**
 * Clipboard HTML, with samples shaped like what each program
 * writes: Excel desktop (merges, x:num, the separators in <style>, text and percent formats,
 * overflow colspans, the hidden trailer row, CRLF text/plain), Word (MsoTableGrid, paragraphs),
 * LibreOffice (sdval read with sdnum 1066), Google Sheets (data-sheets-value, one cell) — and
 * the tree builder itself, tolerant and inert, with the DOMParser adapter.
 */
import { describe, expect, it } from 'vitest';
import { fromDom, parseHtml, type DomLike, type HtmlElement } from '../../shared/paste/html-tree';
import { detectSource, readClipboardHtml } from '../../shared/paste/clipboard-html';
import { pickFlavour } from '../../shared/paste/pick-flavour';
import { parsePaste } from '../../shared/paste/paste-block';

const EXCEL_HEAD = `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Excel.Sheet>
<meta name=Generator content="Microsoft Excel 15">
<style>
<!--table
	{mso-displayed-decimal-separator:"\\,";
	mso-displayed-thousand-separator:"\\.";}
@page
	{margin:.75in .7in .75in .7in;}
.xl65
	{mso-style-parent:style0;
	mso-number-format:"\\#\\,\\#\\#0";}
.xl66
	{mso-style-parent:style0;
	mso-number-format:"0\\.00";}
.xl67
	{mso-style-parent:style0;
	mso-number-format:"\\@";}
.xl68
	{mso-style-parent:style0;
	mso-number-format:0%;}
br
	{mso-data-placement:same-cell;}
-->
</style>
</head>
<body link="#0563C1" vlink="#954F72">
`;

const EXCEL = `${EXCEL_HEAD}<table border=0 cellpadding=0 cellspacing=0 width=480 style='border-collapse:
 collapse;width:360pt'>
<!--StartFragment-->
 <col width=40 style='width:30pt'>
 <tr height=40 style='height:30.0pt'>
  <td rowspan=2 height=60 class=xl69 width=40 style='height:45.0pt;width:30pt'>STT</td>
  <td rowspan=2 class=xl69 width=120 style='width:90pt'>Đơn vị</td>
  <td colspan=2 class=xl69 width=160 style='border-left:none;width:120pt'>Dân số</td>
  <td rowspan=2 class=xl69 width=80 style='width:60pt'>Tỷ lệ<br>
    hộ nghèo (%)</td>
  <td rowspan=2 class=xl69 width=80>Mã xã</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20 class=xl69>Nam</td>
  <td class=xl69>Nữ</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20 class=xl70 align=right x:num>1</td>
  <td class=xl70>Thị trấn<span style='mso-spacerun:yes'>&nbsp; </span>Tân Lập</td>
  <td class=xl65 align=right x:num="6112">6.112</td>
  <td class=xl65 align=right x:num="6368">6.368</td>
  <td class=xl66 align=right x:num="1.2345678">1,23</td>
  <td class=xl67>00123</td>
 </tr>
 <tr height=0 style='display:none'>
  <td height=0 class=xl70 align=right x:num>2</td>
  <td class=xl70>Xã ẩn</td>
  <td class=xl65 align=right x:num="1">1</td>
  <td class=xl65 align=right x:num="1">1</td>
  <td class=xl66 align=right x:num="1">1,00</td>
  <td class=xl67>00999</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20 class=xl70 align=right x:num>3</td>
  <td class=xl70>Xã An Phú</td>
  <td class=xl65 align=right x:num="3652">3.652</td>
  <td class=xl65 align=right x:num="3696">3.696</td>
  <td class=xl68 align=right x:num="0.95">95%</td>
  <td class=xl67>00456</td>
 </tr>
 <tr height=20 style='height:15.0pt'>
  <td height=20 class=xl70 colspan=3 style='mso-ignore:colspan'>Ghi chú: số liệu sơ bộ, còn điều chỉnh</td>
  <td class=xl65 align=right x:num>16,7</td>
  <td class=xl66></td>
  <td class=xl67></td>
 </tr>
<!--EndFragment-->
 <![if supportMisalignedColumns]>
 <tr height=0 style='display:none'>
  <td width=40 style='width:30pt'></td>
  <td width=120 style='width:90pt'></td>
  <td width=80 style='width:60pt'></td>
  <td width=80 style='width:60pt'></td>
  <td width=80 style='width:60pt'></td>
  <td width=80 style='width:60pt'></td>
 </tr>
 <![endif]>
</table>
</body>
</html>`;

const EXCEL_TEXT = [
  'STT\tĐơn vị\tDân số\t\t"Tỷ lệ\nhộ nghèo (%)"\tMã xã',
  '\t\tNam\tNữ\t\t',
  '1\tThị trấn  Tân Lập\t6.112\t6.368\t1,23\t00123',
  '2\tXã ẩn\t1\t1\t1,00\t00999',
  '3\tXã An Phú\t3.652\t3.696\t95%\t00456',
  'Ghi chú: số liệu sơ bộ, còn điều chỉnh\t\t\t16,7\t\t',
].join('\r\n');

describe('Excel desktop', () => {
  it('is recognised, with its separators read from the style text', () => {
    expect(detectSource(EXCEL)).toBe('excel');
    const table = readClipboardHtml(EXCEL)!;
    expect(table.separators).toEqual({ decimal: ',', group: '.' });
  });

  it('reads merges, in-cell breaks, raw numbers, formats; overflow is no merge; hidden rows go', () => {
    const table = readClipboardHtml(EXCEL)!;
    expect(table.merges).toEqual([
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 1, right: 1 },
      { top: 0, left: 2, bottom: 0, right: 3 },
      { top: 0, left: 4, bottom: 1, right: 4 },
      { top: 0, left: 5, bottom: 1, right: 5 },
    ]);
    expect(table.rows).toHaveLength(6); // the width-only trailer is gone, the hidden row is kept
    expect(table.hiddenRows).toEqual([3]);
    expect(table.rows[0][4]).toEqual({ text: 'Tỷ lệ\nhộ nghèo (%)' });
    expect(table.rows[2][1]).toEqual({ text: 'Thị trấn  Tân Lập' });
    expect(table.rows[2][4]).toEqual({ text: '1,23', raw: 1.2345678 });
    expect(table.rows[2][5]).toEqual({ text: '00123', keepText: true });
    expect(table.rows[4][4]).toEqual({ text: '95%', raw: 0.95, shownWins: 'percent' });
    expect(table.rows[5][0]).toEqual({ text: 'Ghi chú: số liệu sơ bộ, còn điều chỉnh' });
    expect(table.rows[5][3]).toEqual({ text: '16,7', numeric: true });
  });

  it('picks raw values first, then the text/plain cell, and leaves hidden rows out', () => {
    const picked = pickFlavour({ html: EXCEL, text: EXCEL_TEXT + '\r\n' });
    expect(picked.flavour).toBe('html');
    expect(picked.cells).toHaveLength(5);
    expect(picked.notes.some((n) => n.includes('Bỏ qua 1 dòng đang ẩn'))).toBe(true);
    const block = parsePaste({ html: EXCEL, text: EXCEL_TEXT + '\r\n' });
    expect(block.values).toEqual([
      ['STT', 'Đơn vị', 'Dân số', null, 'Tỷ lệ\nhộ nghèo (%)', 'Mã xã'],
      [null, null, 'Nam', 'Nữ', null, null],
      [1, 'Thị trấn  Tân Lập', 6112, 6368, 1.2345678, '00123'],
      [3, 'Xã An Phú', 3652, 3696, 95, '00456'],
      ['Ghi chú: số liệu sơ bộ, còn điều chỉnh', null, null, 16.7, null, null],
    ]);
    expect(block.grid.merges).toContainEqual({ top: 0, left: 2, bottom: 0, right: 3 });
  });

  it('without text/plain, the HTML text stands in', () => {
    const block = parsePaste({ html: EXCEL });
    expect(block.values[2]).toEqual([1, 'Thị trấn  Tân Lập', 6112, 6368, 1.2345678, '00123']);
  });

  it('Excel Online: the ProgId without the office namespace', () => {
    const html = `<html><head><meta name=ProgId content=Excel.Sheet></head><body><table>
      <tr><td>Xã A</td><td>1.234</td></tr><tr><td>Xã B</td><td>2.345</td></tr></table></body></html>`;
    expect(detectSource(html)).toBe('excel-online');
    expect(parsePaste({ html }).values).toEqual([
      ['Xã A', 1234],
      ['Xã B', 2345],
    ]);
  });
});

describe('Word', () => {
  const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns="http://www.w3.org/TR/REC-html40">
<head><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {margin:0cm;font-size:13.0pt;} --></style></head>
<body lang=VI style='tab-interval:36.0pt'><!--StartFragment-->
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0
 style='border-collapse:collapse;border:none'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=200 valign=top style='width:150pt;border:solid windowtext 1.0pt'>
  <p class=MsoNormal align=center style='text-align:center'><b><span
  style='font-size:12.0pt'>Đơn vị<o:p></o:p></span></b></p>
  </td>
  <td width=100 valign=top style='width:75pt'>
  <p class=MsoNormal><b>Số hộ<o:p></o:p></b></p>
  <p class=MsoNormal><i>(hộ)<o:p></o:p></i></p>
  </td>
  <td width=100 valign=top><p class=MsoNormal><b>Tỷ lệ (%)<o:p></o:p></b></p></td>
 </tr>
 <tr style='mso-yfti-irow:1'>
  <td width=200 valign=top><p class=MsoNormal>Xã Hòa
  Lạc<o:p></o:p></p></td>
  <td width=100 valign=top><p class=MsoNormal align=right>2.011<o:p></o:p></p></td>
  <td width=100 valign=top><p class=MsoNormal align=right>7,46<o:p></o:p></p></td>
 </tr>
 <tr style='mso-yfti-irow:2;mso-yfti-lastrow:yes'>
  <td width=200 valign=top><p class=MsoNormal>Xã Vĩnh Thành<o:p>&nbsp;</o:p></p></td>
  <td width=100 valign=top><p class=MsoNormal align=right>1.388<o:p></o:p></p></td>
  <td width=100 valign=top><p class=MsoNormal align=right>–<o:p></o:p></p></td>
 </tr>
</table>
<!--EndFragment--></body></html>`;

  it('reads a MsoTableGrid table: paragraphs as line breaks, source wrapping collapsed', () => {
    expect(detectSource(WORD)).toBe('word');
    // Word's text/plain puts each paragraph on its own line: a different shape, so the HTML wins.
    const text =
      'Đơn vị\tSố hộ\r\n(hộ)\tTỷ lệ (%)\r\nXã Hòa Lạc\t2.011\t7,46\r\nXã Vĩnh Thành\t1.388\t–\r\n';
    const block = parsePaste({ html: WORD, text });
    expect(block.source).toBe('word');
    expect(block.values).toEqual([
      ['Đơn vị', 'Số hộ\n(hộ)', 'Tỷ lệ (%)'],
      ['Xã Hòa Lạc', 2011, 7.46],
      ['Xã Vĩnh Thành', 1388, null],
    ]);
  });
});

describe('LibreOffice Calc', () => {
  const CALC = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<HTML><HEAD><META HTTP-EQUIV="CONTENT-TYPE" CONTENT="text/html; charset=utf-8">
<TITLE></TITLE><META NAME="GENERATOR" CONTENT="LibreOffice 7.5.4.2 (Linux)">
<STYLE><!-- BODY,DIV,TABLE,THEAD,TBODY,TFOOT,TR,TH,TD,P { font-family:"Liberation Sans" } --></STYLE>
</HEAD><BODY TEXT="#000000">
<TABLE FRAME=VOID CELLSPACING=0 COLS=4 RULES=NONE BORDER=0>
	<COLGROUP><COL WIDTH=120><COL WIDTH=86><COL WIDTH=86><COL WIDTH=86></COLGROUP>
	<TBODY>
		<TR>
			<TD WIDTH=120 HEIGHT=17 ALIGN=LEFT><FONT FACE="Times New Roman">Xã Bình Minh</FONT></TD>
			<TD WIDTH=86 ALIGN=RIGHT SDVAL="6120" SDNUM="1066;1066;#.##0"><FONT>6.120</FONT></TD>
			<TD WIDTH=86 ALIGN=RIGHT SDVAL="6,6597" SDNUM="1066;1066;0,00"><FONT>6,66</FONT></TD>
			<TD WIDTH=86 ALIGN=LEFT SDNUM="1066;1066;@"><FONT>00789</FONT></TD>
		</TR>
		<TR>
			<TD HEIGHT=17 ALIGN=LEFT>Xã Đông Sơn</TD>
			<TD ALIGN=RIGHT SDVAL="4962" SDNUM="1066;1066;#.##0">4.962</TD>
			<TD ALIGN=RIGHT SDVAL="0,046" SDNUM="1066;0;0,0%">4,6%</TD>
			<TD ALIGN=LEFT><BR></TD>
		</TR>
	</TBODY>
</TABLE></BODY></HTML>`;

  it('reads sdval with the separators of sdnum 1066; empty <br> cells stay empty', () => {
    expect(detectSource(CALC)).toBe('libreoffice');
    const table = readClipboardHtml(CALC)!;
    expect(table.separators).toEqual({ decimal: ',', group: '.' });
    expect(table.rows[0][2]).toEqual({ text: '6,66', raw: 6.6597 });
    expect(table.rows[0][3]).toEqual({ text: '00789', keepText: true });
    expect(table.rows[1][3]).toBeNull();
    expect(parsePaste({ html: CALC }).values).toEqual([
      ['Xã Bình Minh', 6120, 6.6597, '00789'],
      ['Xã Đông Sơn', 4962, 4.6, null],
    ]);
  });
});

describe('Google Sheets', () => {
  const SHEETS = `<meta charset='utf-8'><google-sheets-html-origin><style type="text/css"><!--td {border: 1px solid #cccccc;}br {mso-data-placement:same-cell;}--></style><table xmlns="http://www.w3.org/1999/xhtml" cellspacing="0" cellpadding="0" dir="ltr" border="1" style="table-layout:fixed;font-size:10pt;font-family:Arial;width:0px;border-collapse:collapse;border:none" data-sheets-root="1"><colgroup><col width="100"/><col width="100"/><col width="100"/></colgroup><tbody><tr style="height:21px;"><td style="overflow:hidden;padding:2px 3px 2px 3px;vertical-align:bottom;" data-sheets-value="{&quot;1&quot;:2,&quot;2&quot;:&quot;Xã A&quot;}">Xã A</td><td style="overflow:hidden;padding:2px 3px 2px 3px;vertical-align:bottom;text-align:right;" data-sheets-value="{&quot;1&quot;:3,&quot;3&quot;:2133}" data-sheets-numberformat="{&quot;1&quot;:2,&quot;2&quot;:&quot;#,##0&quot;,&quot;3&quot;:1}">2,133</td><td style="text-align:right;" data-sheets-value="{&quot;1&quot;:3,&quot;3&quot;:0.167}" data-sheets-numberformat="{&quot;1&quot;:3,&quot;2&quot;:&quot;0.0%&quot;,&quot;3&quot;:1}">16.7%</td></tr><tr style="height:21px;"><td data-sheets-value="[null,2,&quot;00123&quot;]">00123</td><td data-sheets-value="{&quot;1&quot;:3,&quot;3&quot;:1234.5}">1,234.5</td><td data-sheets-value="{&quot;1&quot;:3,&quot;3&quot;:45607}" data-sheets-numberformat="{&quot;1&quot;:5,&quot;2&quot;:&quot;d/m/yyyy&quot;,&quot;3&quot;:1}">11/11/2024</td></tr></tbody></table>`;

  it('reads data-sheets-value (both forms); percentages and dates keep what they show', () => {
    expect(detectSource(SHEETS)).toBe('google-sheets');
    // Google's text/plain has no trailing newline.
    const text = 'Xã A\t2,133\t16.7%\n00123\t1,234.5\t11/11/2024';
    const block = parsePaste({ html: SHEETS, text });
    expect(block.values).toEqual([
      ['Xã A', 2133, 16.7],
      ['00123', 1234.5, '11/11/2024'],
    ]);
    // Raw values show the sheet writes the English way: its displayed strings are read so too.
    expect(block.columns[2].convention).toBe('en');
  });

  it('one copied cell: a span, no table', () => {
    const html = `<meta charset='utf-8'><google-sheets-html-origin><span style="font-size:10pt" data-sheets-value="{&quot;1&quot;:3,&quot;3&quot;:5511981918127}">5.51198E+12</span>`;
    expect(parsePaste({ html, text: '5.51198E+12' }).values).toEqual([[5511981918127]]);
  });

  it('data-sheets-* outside Google Sheets (an Excel round trip) are not trusted', () => {
    const html = `<table><tr><td data-sheets-value="{&quot;1&quot;:3,&quot;3&quot;:1}">7</td></tr></table>`;
    expect(parsePaste({ html }).values).toEqual([[7]]);
  });
});

describe('the HTML tree', () => {
  it('closes cells, rows and paragraphs as a browser would; ignores stray end tags', () => {
    const root = parseHtml('<table><tr><td>a<td>b</span><tr><td><p>x<p>y</table>');
    const table = root.children[0] as HtmlElement;
    const rows = table.children as HtmlElement[];
    expect(rows.map((r) => r.children.length)).toEqual([2, 1]);
    const block = parsePaste({ html: '<table><tr><td>a<td>b</span><tr><td><p>x<p>y</table>' });
    expect(block.values).toEqual([
      ['a', 'b'],
      ['x\ny', null],
    ]);
  });

  it('is inert: scripts are dropped, attributes and text are only read', () => {
    const html =
      '<table><tr><td><img src=x onerror="alert(1)">1<script>alert(2)</script></td></tr></table>';
    const root = parseHtml(html);
    expect(JSON.stringify(root)).not.toContain('alert(2)');
    expect(parsePaste({ html }).values).toEqual([[1]]);
  });

  it('decodes entities, Latin-1 names and Windows-1252 references', () => {
    const root = parseHtml('<p>&agrave; &ecirc; &#7897; &#x1EA1; &#150; &amp;amp &nbsp&lt;</p>');
    expect((root.children[0] as HtmlElement).children[0]).toBe('à ê ộ ạ – &amp \u00a0<');
  });

  it('takes a DOM (the renderer passes DOMParser) through fromDom, with the same result', () => {
    // A stand-in DOM built from the tree, as DOMParser would give it.
    const toDom = (node: HtmlElement | string): DomLike =>
      typeof node === 'string'
        ? { nodeType: 3, nodeName: '#text', nodeValue: node, childNodes: [] }
        : {
            nodeType: 1,
            nodeName: node.tag.toUpperCase(),
            nodeValue: null,
            attributes: Object.entries(node.attrs).map(([name, value]) => ({ name, value })),
            childNodes: node.children.map(toDom),
          };
    const domParser = (html: string) => {
      const tree = parseHtml(html);
      return fromDom({
        nodeType: 9,
        nodeName: '#document',
        nodeValue: null,
        childNodes: tree.children.map(toDom),
      });
    };
    const viaDom = parsePaste({ html: EXCEL, text: EXCEL_TEXT }, { parseHtml: domParser });
    const own = parsePaste({ html: EXCEL, text: EXCEL_TEXT });
    expect(viaDom.values).toEqual(own.values);
    expect(viaDom.grid.merges).toEqual(own.grid.merges);
  });

  it('a parser that throws leaves the text/plain flavour', () => {
    const block = parsePaste(
      { html: '<table><tr><td>1</td></tr></table>', text: '2.133\t4\r\n' },
      {
        parseHtml: () => {
          throw new Error('Trusted Types');
        },
      },
    );
    expect(block.flavour).toBe('tsv');
    expect(block.values).toEqual([[2133, 4]]);
  });
});
