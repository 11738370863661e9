/**
 * The shared strings of a workbook (sharedStrings.xml), read chunk by chunk: each <si> flattened
 * to its text, phonetic runs left out, SpreadsheetML's _xHHHH_ escapes undone. The count and the
 * bytes of text are bounded while reading (limits.ts), whatever the part declares.
 */
import { LimitExceeded, LIMITS } from './limits';
import { decodeText, XmlScanner, type XmlHandler } from './xml-scan';

/** "_x000D_" → "\r": the escape SpreadsheetML uses for characters XML cannot carry. */
export function unescapeXstring(text: string): string {
  return text.indexOf('_x') < 0
    ? text
    : text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Reads sharedStrings.xml chunk by chunk: each <si> flattened to its text. */
export class SharedStringsReader {
  readonly strings: string[] = [];
  private readonly scanner: XmlScanner;

  constructor() {
    let parts: string[] = [];
    let raw: string[] = [];
    let phonetic = 0;
    let chars = 0;
    const handler: XmlHandler = {
      capturing: false,
      open(name, _tag, selfClosing) {
        if (name === 'si') parts = [];
        else if (name === 'rPh') phonetic++;
        else if (name === 't' && phonetic === 0 && !selfClosing) {
          raw = [];
          handler.capturing = true;
        }
      },
      close: (name) => {
        if (name === 't' && handler.capturing) {
          handler.capturing = false;
          parts.push(unescapeXstring(decodeText(raw.join(''))));
        } else if (name === 'rPh') phonetic--;
        else if (name === 'si') {
          if (this.strings.length >= LIMITS.sharedStrings)
            throw new LimitExceeded({ kind: 'shared-strings', count: this.strings.length + 1 });
          this.strings.push(parts.join(''));
        }
      },
      text(text) {
        chars += text.length;
        if (chars > LIMITS.sharedStringChars)
          throw new LimitExceeded({ kind: 'shared-string-chars' });
        raw.push(text);
      },
    };
    this.scanner = new XmlScanner(handler);
  }

  feed(chunk: string): void {
    this.scanner.feed(chunk);
  }

  end(): string[] {
    this.scanner.end();
    return this.strings;
  }
}
