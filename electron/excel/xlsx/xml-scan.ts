/**
 * A small, fast, streaming scanner for the XML inside an .xlsx package (SpreadsheetML is plain,
 * machine-written XML: no DTD, no entities beyond the five predefined and character references;
 * a DOCTYPE's entities are never expanded nor fetched, so entity bombs and external entities
 * read as the literal text they are).
 * It is fed text in chunks of any size — a tag or a character reference may be cut between two
 * chunks — and calls back for each start tag, end tag and, when the handler asks for it, the raw
 * text between tags. Pure: no Node, no DOM.
 *
 * Namespace prefixes are dropped from tag names ("x:c" → "c"); attribute names keep theirs
 * ("r:id"). Comments, processing instructions and a DOCTYPE are skipped, never interpreted.
 */
import { LimitExceeded, LIMITS } from './limits';

export interface XmlHandler {
  /** A start tag (or an empty-element tag, then `selfClosing`); `tag` is its whole text. */
  open(name: string, tag: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw text (entities not yet decoded) between tags; called only while `capturing` is true. */
  text(raw: string): void;
  capturing: boolean;
}

const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const DQ = 34;
const SQ = 39;

/** Index of the ">" closing the tag that starts at `from` ("<"), quotes respected; -1 if cut. */
function tagEnd(s: string, from: number): number {
  const n = s.length;
  for (let i = from + 1; i < n; i++) {
    const ch = s.charCodeAt(i);
    if (ch === GT) return i;
    if (ch === DQ || ch === SQ) {
      const close = s.indexOf(ch === DQ ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

function localName(tag: string, start: number): string {
  let end = start;
  const n = tag.length;
  while (end < n) {
    const ch = tag.charCodeAt(end);
    if (ch <= 32 || ch === SLASH || ch === GT) break;
    end++;
  }
  const name = tag.slice(start, end);
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

export class XmlScanner {
  private buffer = '';

  constructor(private readonly handler: XmlHandler) {}

  feed(chunk: string): void {
    this.buffer = this.buffer.length > 0 ? this.buffer + chunk : chunk;
    this.buffer = this.buffer.slice(this.scan(this.buffer));
    // What is left is one unfinished tag or comment; one that never ends is a damaged part, and
    // rescanning it on every chunk would take time in the square of its length.
    if (this.buffer.length > LIMITS.xmlConstructChars)
      throw new LimitExceeded({ kind: 'xml-construct' });
  }

  /** The end of the text: whatever is left is a cut tag, dropped. */
  end(): void {
    this.buffer = '';
  }

  /** Scans complete constructs; returns where the unscanned rest starts. */
  private scan(s: string): number {
    const h = this.handler;
    const n = s.length;
    let pos = 0;
    while (pos < n) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        if (h.capturing) h.text(s.slice(pos));
        return n;
      }
      if (lt > pos && h.capturing) h.text(s.slice(pos, lt));
      pos = lt;
      const next = s.charCodeAt(lt + 1);
      if (Number.isNaN(next)) return lt;
      if (next === BANG) {
        if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end < 0) return lt;
          pos = end + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end < 0) return lt;
          if (h.capturing)
            h.text(
              s
                .slice(lt + 9, end)
                .replace(/&/g, '&amp;')
                .replace(/</g, '&lt;'),
            );
          pos = end + 3;
        } else {
          if (n - lt < 9) return lt;
          const end = tagEnd(s, lt);
          if (end < 0) return lt;
          pos = end + 1;
        }
        continue;
      }
      if (next === QUESTION) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) return lt;
        pos = end + 2;
        continue;
      }
      const end = tagEnd(s, lt);
      if (end < 0) return lt;
      if (next === SLASH) {
        h.close(localName(s, lt + 2));
      } else {
        const tag = s.slice(lt, end + 1);
        const selfClosing = s.charCodeAt(end - 1) === SLASH;
        const name = localName(tag, 1);
        h.open(name, tag, selfClosing);
        if (selfClosing) h.close(name);
      }
      pos = end + 1;
    }
    return pos;
  }
}

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text or attribute value with the predefined entities and character references decoded. */
export function decodeXml(raw: string): string {
  if (raw.indexOf('&') < 0) return raw;
  return raw.replace(ENTITY, (_, e: string) => {
    if (e.charCodeAt(0) !== 35) return NAMED[e];
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/**
 * Text content as an XML parser gives it: line ends normalized (CRLF and lone CR → LF, XML 1.0
 * §2.11), then entities decoded (so a "&#13;" survives as CR).
 */
export function decodeText(raw: string): string {
  return decodeXml(raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n'));
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 10 || ch === 13 || ch === 9;
}

/** The attributes of a tag's text ("<c r=\"A1\" s='3'>"), decoded. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const n = tag.length;
  let i = 1;
  while (i < n && !isSpace(tag.charCodeAt(i)) && tag.charCodeAt(i) !== GT) i++; // the tag name
  for (;;) {
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < n) {
      const ch = tag.charCodeAt(i);
      if (ch === 61 /* = */ || isSpace(ch) || ch === GT || ch === SLASH) break;
      i++;
    }
    if (i === nameStart) return out;
    const name = tag.slice(nameStart, i);
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    if (tag.charCodeAt(i) !== 61) continue; // a name without a value: not XML, ignored
    i++;
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    const quote = tag.charCodeAt(i);
    if (quote !== DQ && quote !== SQ) return out;
    const close = tag.indexOf(quote === DQ ? '"' : "'", i + 1);
    if (close < 0) return out;
    out[name] = decodeXml(tag.slice(i + 1, close));
    i = close + 1;
  }
}

/** Scans a whole (small) document at once. */
export function scanXml(xml: string, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler);
  scanner.feed(xml);
  scanner.end();
}
