/**
 * A small, tolerant HTML parser for what spreadsheets and Word put on the clipboard: it builds a
 * minimal element tree (tag, attributes, children, decoded text) and nothing else. Pure: no DOM,
 * so it runs in Node tests and in a Worker, and nothing in the pasted markup can run or load —
 * only text and attribute values are ever read.
 *
 * Tolerant as browsers are where clipboard HTML needs it: unclosed <td>, <tr>, <p> and <li> are
 * closed by the next one; stray end tags are ignored; unquoted and bare attributes are read;
 * comments (Word's <!--[if gte mso 9]> blocks, <!--StartFragment-->) and Excel's
 * <![if supportMisalignedColumns]> markers are dropped; <style> and <script> content is kept as
 * raw text (style) or dropped (script). A caller with a real parser (the renderer's DOMParser)
 * can hand its document to `fromDom` and get the same tree.
 */

export interface HtmlElement {
  /** Lower case, namespace prefix kept ("td", "o:p"). "#root" for the document. */
  tag: string;
  /** Attribute names in lower case; a bare attribute ("x:num") has the value "". */
  attrs: Record<string, string>;
  children: HtmlNode[];
}

/** An element or a run of decoded text. */
export type HtmlNode = HtmlElement | string;

/** Parses HTML into a tree; the injection point for a different parser. */
export type HtmlParser = (html: string) => HtmlElement;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Elements whose content is text up to their end tag. */
const RAW_TEXT = new Set(['style', 'script', 'title', 'textarea', 'xmp']);
const CELL = new Set(['td', 'th']);
const SECTION = new Set(['thead', 'tbody', 'tfoot']);

// ---------------------------------------------------------------------------------------------
// Entities

/** Latin-1 names, U+00A0 … U+00FF in order (Vietnamese uses several: à á â ã è é ê ì í ò ó ô õ ù ú ý). */
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'.split(
    ' ',
  );
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ndash: '\u2013',
  mdash: '\u2014',
  minus: '\u2212',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201C',
  rdquo: '\u201D',
  bull: '\u2022',
  euro: '\u20AC',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  zwnj: '\u200C',
  zwj: '\u200D',
  permil: '\u2030',
  trade: '\u2122',
  Dstrok: '\u0110',
  dstrok: '\u0111',
};
LATIN1.forEach((name, i) => (NAMED[name] = String.fromCharCode(0xa0 + i)));

/** Numeric references 128–159 mean Windows-1252 characters, as browsers read them. */
const CP1252: Record<number, number> = {
  128: 0x20ac,
  130: 0x201a,
  131: 0x0192,
  132: 0x201e,
  133: 0x2026,
  134: 0x2020,
  135: 0x2021,
  136: 0x02c6,
  137: 0x2030,
  138: 0x0160,
  139: 0x2039,
  140: 0x0152,
  142: 0x017d,
  145: 0x2018,
  146: 0x2019,
  147: 0x201c,
  148: 0x201d,
  149: 0x2022,
  150: 0x2013,
  151: 0x2014,
  152: 0x02dc,
  153: 0x2122,
  154: 0x0161,
  155: 0x203a,
  156: 0x0153,
  158: 0x017e,
  159: 0x0178,
};

const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,6});?|#(\d{1,7});?|([A-Za-z][A-Za-z0-9]{1,31});?)/g;

/** Text with HTML character references decoded (unknown names are left as written). */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY, (whole, hex: string, dec: string, name: string) => {
    if (name !== undefined) {
      const named = NAMED[name];
      if (named !== undefined && (whole.endsWith(';') || name in LEGACY)) return named;
      return whole;
    }
    let code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec, 10);
    code = CP1252[code] ?? code;
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
    return String.fromCodePoint(code);
  });
}

/** Names browsers also accept without the semicolon. */
const LEGACY: Record<string, true> = { nbsp: true, amp: true, lt: true, gt: true, quot: true };

// ---------------------------------------------------------------------------------------------
// Tokens

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f';
}

/** Index of the ">" ending the tag that starts at `from`, quoted values respected; -1 when cut. */
function tagEnd(html: string, from: number): number {
  let afterEquals = false;
  for (let i = from; i < html.length; i++) {
    const ch = html[i];
    if (ch === '>') return i;
    if (ch === '=') {
      afterEquals = true;
    } else if (afterEquals && (ch === '"' || ch === "'")) {
      const close = html.indexOf(ch, i + 1);
      if (close < 0) return -1;
      i = close;
      afterEquals = false;
    } else if (!isSpace(ch)) afterEquals = false;
  }
  return -1;
}

function parseAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const n = source.length;
  let i = 0;
  while (i < n) {
    while (i < n && (isSpace(source[i]) || source[i] === '/')) i++;
    const start = i;
    while (i < n && !isSpace(source[i]) && source[i] !== '=' && source[i] !== '/') i++;
    if (i === start) {
      i++;
      continue;
    }
    const name = source.slice(start, i).toLowerCase();
    while (i < n && isSpace(source[i])) i++;
    if (source[i] !== '=') {
      if (!(name in attrs)) attrs[name] = '';
      continue;
    }
    i++;
    while (i < n && isSpace(source[i])) i++;
    let value: string;
    const quote = source[i];
    if (quote === '"' || quote === "'") {
      const close = source.indexOf(quote, i + 1);
      value = source.slice(i + 1, close < 0 ? n : close);
      i = close < 0 ? n : close + 1;
    } else {
      const s = i;
      while (i < n && !isSpace(source[i])) i++;
      value = source.slice(s, i);
    }
    if (!(name in attrs)) attrs[name] = decodeEntities(value);
  }
  return attrs;
}

// ---------------------------------------------------------------------------------------------
// Tree

/** Parses clipboard HTML into a tree under a "#root" element. Never throws. */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: '#root', attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const top = () => stack[stack.length - 1];
  const text = (t: string) => {
    if (t === '') return;
    const children = top().children;
    const last = children[children.length - 1];
    if (typeof last === 'string') children[children.length - 1] = last + t;
    else children.push(t);
  };
  /** Pops up to and including the nearest `tags` element, not past a `stop` element. */
  const closeNearest = (tags: Set<string>, stop: Set<string>): boolean => {
    for (let k = stack.length - 1; k > 0; k--) {
      const tag = stack[k].tag;
      if (tags.has(tag)) {
        stack.length = k;
        return true;
      }
      if (stop.has(tag)) return false;
    }
    return false;
  };
  const TABLE_STOP = new Set(['table']);
  const ROW_STOP = new Set(['table', 'tr', ...SECTION]);
  const CELL_STOP = new Set(['table', 'tr', 'td', 'th', ...SECTION]);
  const NO_STOP = new Set<string>();

  const n = html.length;
  let pos = 0;
  while (pos < n) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) {
      text(decodeEntities(html.slice(pos)));
      break;
    }
    if (lt > pos) text(decodeEntities(html.slice(pos, lt)));
    pos = lt;
    const next = html[lt + 1];
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      pos = end < 0 ? n : end + 3;
      continue;
    }
    if (next === '!' || next === '?') {
      // <![if …]>, <![endif]>, <!DOCTYPE …>, <?xml …?>: markup, never content.
      const end = html.indexOf('>', lt + 2);
      pos = end < 0 ? n : end + 1;
      continue;
    }
    if (next === '/') {
      const end = html.indexOf('>', lt + 2);
      const name = html
        .slice(lt + 2, end < 0 ? n : end)
        .trim()
        .split(/\s/)[0]
        .toLowerCase();
      pos = end < 0 ? n : end + 1;
      if (name === '') continue;
      const stop = CELL.has(name)
        ? ROW_STOP
        : name === 'tr' || SECTION.has(name)
          ? TABLE_STOP
          : name === 'table'
            ? NO_STOP
            : CELL_STOP;
      closeNearest(new Set([name]), stop);
      continue;
    }
    if (!next || !/[A-Za-z]/.test(next)) {
      text('<');
      pos = lt + 1;
      continue;
    }
    const end = tagEnd(html, lt + 1);
    if (end < 0) {
      pos = n;
      break;
    }
    const body = html.slice(lt + 1, end);
    const nameEnd = body.search(/[\s/]|$/);
    const tag = body.slice(0, nameEnd).toLowerCase();
    const selfClosing = body.endsWith('/');
    const attrs = parseAttributes(body.slice(nameEnd));
    pos = end + 1;

    // Implied end tags, as an HTML parser infers them.
    if (CELL.has(tag)) closeNearest(CELL, ROW_STOP);
    else if (tag === 'tr') closeNearest(new Set(['tr']), new Set(['table', ...SECTION]));
    else if (SECTION.has(tag)) closeNearest(new Set(['tr', ...SECTION]), TABLE_STOP);
    else if (tag === 'p') closeNearest(new Set(['p']), CELL_STOP);
    else if (tag === 'li') closeNearest(new Set(['li']), new Set(['ul', 'ol', ...CELL_STOP]));

    const element: HtmlElement = { tag, attrs, children: [] };
    top().children.push(element);
    if (RAW_TEXT.has(tag)) {
      const closer = new RegExp(`</${tag}`, 'ig');
      closer.lastIndex = pos;
      const close = closer.exec(html)?.index ?? -1;
      const content = html.slice(pos, close < 0 ? n : close);
      if (tag !== 'script')
        element.children.push(tag === 'style' ? content : decodeEntities(content));
      const after = close < 0 ? -1 : html.indexOf('>', close);
      pos = after < 0 ? n : after + 1;
      continue;
    }
    if (!VOID.has(tag) && !selfClosing) stack.push(element);
  }
  return root;
}

// ---------------------------------------------------------------------------------------------
// From a DOM

/** The parts of a DOM node `fromDom` reads (a Document, Element or Text from DOMParser). */
export interface DomLike {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomLike>;
  attributes?: ArrayLike<{ name: string; value: string }>;
}

/**
 * The same tree from a parsed DOM, for a caller that has DOMParser (the renderer):
 * `fromDom(new DOMParser().parseFromString(html, 'text/html'))`. Reads only names, attribute
 * values and text.
 */
export function fromDom(node: DomLike): HtmlElement {
  const convert = (n: DomLike): HtmlNode | null => {
    if (n.nodeType === 3) return n.nodeValue ?? '';
    if (n.nodeType !== 1) return null;
    const attrs: Record<string, string> = {};
    const list = n.attributes ?? [];
    for (let i = 0; i < list.length; i++) attrs[list[i].name.toLowerCase()] = list[i].value;
    const tag = n.nodeName.toLowerCase();
    if (tag === 'script') return { tag, attrs, children: [] };
    return { tag, attrs, children: kids(n) };
  };
  const kids = (n: DomLike): HtmlNode[] => {
    const out: HtmlNode[] = [];
    for (let i = 0; i < n.childNodes.length; i++) {
      const c = convert(n.childNodes[i]);
      if (c !== null) out.push(c);
    }
    return out;
  };
  return { tag: '#root', attrs: {}, children: kids(node) };
}

/** Depth-first search for elements with a tag, not descending into matches. */
export function findAll(
  node: HtmlElement,
  tag: string,
  into: HtmlElement[] = [],
  descend = false,
): HtmlElement[] {
  for (const child of node.children) {
    if (typeof child === 'string') continue;
    if (child.tag === tag) {
      into.push(child);
      if (descend) findAll(child, tag, into, descend);
    } else findAll(child, tag, into, descend);
  }
  return into;
}

/** The concatenated text of every <style> element. */
export function styleText(root: HtmlElement): string {
  return findAll(root, 'style', [], true)
    .map((s) => s.children.filter((c): c is string => typeof c === 'string').join(''))
    .join('\n');
}
