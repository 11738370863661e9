/**
 * A text in a figure column ("khoảng 150", "1.234 người"). The importer has already read every
 * string that is a number in the table's convention, so a string in the model is a real
 * non-number: one finding, and every other rule reading the cell is not evaluated.
 *
 * There is one such rule per figure cell (a national table has over a hundred thousand), so a
 * rule is just its cell: its key, target and description are built when asked.
 */
import { isFigureColumn } from '../../model';
import { isErrorValue, isLayoutWord } from '../../table-words';
import { bandsOf, outlierFlag, type Band } from './column-outlier';
import {
  CompactRule,
  isText,
  type CellRef,
  type CellSource,
  type Claim,
  type Evaluation,
  type Rule,
  type RuleDescription,
  type RuleKind,
} from '../rule';

/**
 * A sentence where a figure should be ("Hiện thị trường không có bán"): the author says why there
 * is no figure. Four words or more and no digit; "Không", "khoảng 150", "1.234 người" stay errors.
 */
function isExplanation(text: string): boolean {
  const t = text.trim();
  return !/\d/.test(t) && t.split(/\s+/).length >= 4;
}

/**
 * "#", "*", "…": a mark in place of a figure (not applicable), with no letter and no digit to
 * mistype. A "?" is not one: it says the figure is not known, a figure missing.
 */
function isMark(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= 3 && !/[\p{L}\p{N}?]/u.test(t);
}

class NotANumberRule extends CompactRule implements Rule {
  readonly kind = 'not-a-number' as const;
  readonly acceptsText = true;
  readonly comparison = null;

  constructor(
    readonly row: number,
    readonly col: number,
    private readonly columnCode: string,
    readonly claims: readonly Claim[],
    /** The column's band of figures, when it is narrow enough to tell another unit. */
    private readonly band: Band | null,
  ) {
    super();
  }

  get key(): string {
    return `not-a-number:${this.row}:${this.col}`;
  }
  get target(): CellRef {
    return { row: this.row, col: this.col };
  }
  get description(): RuleDescription {
    return { kind: 'not-a-number', columnCode: this.columnCode };
  }

  forEachRead(visit: (row: number, col: number) => void): void {
    visit(this.row, this.col);
  }

  evaluate(cells: CellSource): Evaluation {
    const value = cells.raw(this.row, this.col);
    // An error value is its own finding (error-value.ts).
    if (isText(value) && isLayoutWord(value))
      return {
        status: 'flag',
        text: value,
        severity: 'review',
        message: `Ô {0} ở cột số liệu ghi «${value.trim()}», chữ của bố cục biểu chứ không phải số liệu`,
        cells: [{ row: this.row, col: this.col }],
        evidence: 'có thể Biểu đọc sai bố cục của biểu ở dòng này',
      };
    if (isText(value) && isExplanation(value))
      return {
        status: 'flag',
        text: value,
        severity: 'review',
        message: `Ô {0} ở cột số liệu ghi một lời giải thích thay cho số: «${value.trim()}»`,
        cells: [{ row: this.row, col: this.col }],
        evidence: 'một câu không có chữ số, không phải một số gõ sai',
      };
    if (isText(value) && isMark(value))
      return {
        status: 'flag',
        text: value,
        severity: 'review',
        message: `Ô {0} ở cột số liệu ghi dấu «${value.trim()}» thay cho số liệu`,
        cells: [{ row: this.row, col: this.col }],
        evidence:
          'một dấu không có chữ cái, không có chữ số: người lập biểu đánh dấu ô chứ không gõ sai số',
      };
    if (isText(value) && !isErrorValue(value)) return { status: 'flag', text: value };
    const n = cells.number(this.row, this.col);
    if (this.band) {
      const flag = outlierFlag(this.band, n, { row: this.row, col: this.col });
      if (flag) return flag;
    }
    return { status: 'pass', stated: n, exact: n, expected: n };
  }
}

export const notANumberKind: RuleKind = {
  name: 'not-a-number',
  compile(context) {
    const { table, identifierColumns } = context;
    const rules: Rule[] = [];
    const figures = table.columns.flatMap((c, col) =>
      isFigureColumn(c) && !identifierColumns[col] ? [col] : [],
    );
    // Every cell of a figure column is an instance of "this column holds figures": the tally
    // says how many of its filled cells do (evidence.ts).
    const claims = figures.map((col): readonly Claim[] => [
      { basis: 'stated', said: `cột ${table.columns[col].code} là cột số`, over: 'ô có số liệu' },
    ]);
    const bands = bandsOf(context, figures);
    table.rows.forEach((row, r) => {
      if (row.role === 'group') return;
      // Totals add up many units: only a detail row is judged against its column's band.
      const detail = row.role === 'detail';
      figures.forEach((col, i) =>
        rules.push(
          new NotANumberRule(r, col, table.columns[col].code, claims[i], detail ? bands[i] : null),
        ),
      );
    });
    return rules;
  },
};
