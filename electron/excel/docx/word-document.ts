/**
 * The body of a Word report (word/document.xml) as Biểu reads it: the paragraphs in order (their
 * text, numbered from 1 as a reader counts them) and every table — nested ones too, each as a
 * table of its own — laid out on its grid: a cell spanning columns (`w:gridSpan`) or continuing a
 * cell above (`w:vMerge`) becomes a merged range, as in a spreadsheet. A table takes as its title
 * the paragraph just above it when that paragraph names a table ("Biểu thống kê …", "Bảng 2. …",
 * "Phụ lục …").
 */
import type { CellRange, GridCell } from '../../../shared/import/sheet-grid';
import { LimitExceeded, LIMITS } from '../xlsx/limits';
import { attributes, decodeText, XmlScanner } from '../xlsx/xml-scan';

export interface WordTable {
  /** 1-based order in the document (nested tables counted where they start). */
  index: number;
  /** The paragraph above, when it names a table. */
  title: string | null;
  cells: (GridCell | null)[][];
  merges: CellRange[];
}

export interface WordDocument {
  /** Body paragraphs (outside tables), in order; paragraph N is `paragraphs[N - 1]`. */
  paragraphs: string[];
  tables: WordTable[];
}

const TITLE = /^(biểu|bảng|phụ\s*lục)\b/iu;

interface TableState {
  table: WordTable;
  row: number;
  col: number;
  /** The cell being read: its text paragraphs, span, vertical merge. */
  cell: { paragraphs: string[]; span: number; vMerge: 'restart' | 'continue' | null } | null;
  /** Per grid column, the open vertical merge (top row) started by `restart`. */
  openMerge: Map<number, CellRange>;
  gridBefore: number;
}

export function readWordDocument(xml: string): WordDocument {
  const doc: WordDocument = { paragraphs: [], tables: [] };
  const stack: TableState[] = [];
  let text: string[] = [];
  let inText = false;
  let lastBodyParagraph = '';
  let cellsSeen = 0;
  let raw: string[] = [];

  const handler = {
    capturing: false,
    open(name: string, tag: string, selfClosing: boolean) {
      const top = stack[stack.length - 1];
      switch (name) {
        case 'p':
          text = [];
          break;
        case 't':
          if (!selfClosing) {
            inText = true;
            raw = [];
            handler.capturing = true;
          }
          break;
        case 'tab':
          text.push('\t');
          break;
        case 'br':
        case 'cr':
          text.push('\n');
          break;
        case 'tbl': {
          const title =
            stack.length === 0 && TITLE.test(lastBodyParagraph) ? lastBodyParagraph : null;
          const table: WordTable = { index: 0, title, cells: [], merges: [] };
          doc.tables.push(table);
          table.index = doc.tables.length;
          stack.push({ table, row: -1, col: 0, cell: null, openMerge: new Map(), gridBefore: 0 });
          break;
        }
        case 'tr':
          if (top) {
            top.row++;
            top.col = 0;
            top.gridBefore = 0;
            if (top.row >= LIMITS.lastRow)
              throw new LimitExceeded({ kind: 'row', row: top.row + 1 });
          }
          break;
        case 'gridBefore':
          if (top && !top.cell) top.gridBefore = Number(attributes(tag)['w:val']) || 0;
          break;
        case 'tc':
          if (top) {
            if (top.col === 0) top.col = top.gridBefore;
            top.cell = { paragraphs: [], span: 1, vMerge: null };
            if (++cellsSeen > LIMITS.sheetCells)
              throw new LimitExceeded({ kind: 'cells', count: cellsSeen });
          }
          break;
        case 'gridSpan':
          if (top?.cell) top.cell.span = Math.max(1, Number(attributes(tag)['w:val']) || 1);
          break;
        case 'vMerge':
          if (top?.cell)
            top.cell.vMerge = attributes(tag)['w:val'] === 'restart' ? 'restart' : 'continue';
          break;
        default:
          break;
      }
    },
    close(name: string) {
      const top = stack[stack.length - 1];
      switch (name) {
        case 't':
          if (inText) {
            text.push(decodeText(raw.join('')));
            inText = false;
            handler.capturing = false;
          }
          break;
        case 'p': {
          const line = text
            .join('')
            .replace(/[ \t]+/g, ' ')
            .trim();
          if (top?.cell) top.cell.paragraphs.push(line);
          else if (!top) {
            doc.paragraphs.push(line);
            if (line !== '') lastBodyParagraph = line;
          }
          text = [];
          break;
        }
        case 'tc':
          if (top?.cell) {
            endCell(top);
            top.cell = null;
          }
          break;
        case 'tbl':
          stack.pop();
          if (stack.length === 0) lastBodyParagraph = '';
          break;
        default:
          break;
      }
    },
    text(t: string) {
      raw.push(t);
    },
  };

  function endCell(state: TableState): void {
    const cell = state.cell!;
    const { table, row } = state;
    const col = state.col;
    if (col + cell.span > LIMITS.lastColumn)
      throw new LimitExceeded({
        kind: 'column',
        ref: `cột ${col + cell.span}`,
        column: col + cell.span,
      });
    const value = cell.paragraphs.filter((p) => p !== '').join('\n');
    const right = col + cell.span - 1;
    if (cell.vMerge === 'continue') {
      const open = state.openMerge.get(col);
      if (open) open.bottom = row;
    } else {
      if (value !== '') (table.cells[row] ??= [])[col] = { value };
      if (cell.vMerge === 'restart') {
        const range = { top: row, left: col, bottom: row, right };
        table.merges.push(range);
        state.openMerge.set(col, range);
      } else {
        state.openMerge.delete(col);
        if (cell.span > 1) table.merges.push({ top: row, left: col, bottom: row, right });
      }
    }
    state.col += cell.span;
  }

  const scanner = new XmlScanner(handler);
  scanner.feed(xml);
  scanner.end();
  // A vertical merge one row tall is a plain cell (a restart never continued).
  for (const t of doc.tables)
    t.merges = t.merges.filter((m) => m.bottom > m.top || m.right > m.left);
  return doc;
}
