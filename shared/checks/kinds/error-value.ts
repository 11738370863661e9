/**
 * A cell that shows one of Excel's error values ("#VALUE!", "#REF!", "#DIV/0!", "#N/A" …): its
 * formula could not be computed, so the figure the table means to state is not there — whatever
 * adds it up or reads it is not worth much either. Reported in every column, labels included (a
 * unit name looked up by a formula that failed is just as missing).
 */
import { isErrorValue } from '../../table-words';
import {
  CompactRule,
  type CellRef,
  type CellSource,
  type Evaluation,
  type Rule,
  type RuleDescription,
  type RuleKind,
} from '../rule';
import { columnName } from './header-sum';

const MEANING: Record<string, string> = {
  '#VALUE!': 'công thức tính với một ô không phải số',
  '#REF!': 'công thức trỏ tới một ô đã bị xóa',
  '#DIV/0!': 'công thức chia cho 0 hoặc cho một ô trống',
  '#N/A': 'công thức không tìm thấy giá trị cần tra',
  '#NAME?': 'công thức dùng một tên hoặc hàm không có',
  '#NUM!': 'công thức cho một số không hợp lệ',
  '#NULL!': 'công thức dùng hai vùng không giao nhau',
};

class ErrorValueRule extends CompactRule implements Rule {
  readonly kind = 'error-value' as const;
  readonly acceptsText = true;
  readonly comparison = null;

  constructor(
    private readonly row: number,
    private readonly col: number,
    private readonly columnCode: string,
  ) {
    super();
  }

  get key(): string {
    return `error-value:${this.row}:${this.col}`;
  }
  get target(): CellRef {
    return { row: this.row, col: this.col };
  }
  get description(): RuleDescription {
    return { kind: 'row-fact', what: 'error-value', columnCode: this.columnCode };
  }
  forEachRead(visit: (row: number, col: number) => void): void {
    visit(this.row, this.col);
  }

  evaluate(cells: CellSource): Evaluation {
    const value = cells.raw(this.row, this.col);
    if (typeof value !== 'string' || !isErrorValue(value)) {
      return { status: 'pass', stated: 0, exact: 0, expected: 0 };
    }
    const shown = value.trim();
    const why = MEANING[shown.toUpperCase()];
    return {
      status: 'flag',
      text: shown,
      severity: 'error',
      message: `Ô {0} báo lỗi «${shown}»${why ? ` (${why})` : ''}: số liệu của ô này chưa có`,
      cells: [{ row: this.row, col: this.col }],
      evidence: 'Excel ghi lỗi công thức trong ô',
    };
  }
}

export const errorValueKind: RuleKind = {
  name: 'error-value',
  compile({ table }) {
    const rules: Rule[] = [];
    table.rows.forEach((row, r) => {
      row.cells.forEach((v, c) => {
        if (typeof v === 'string' && isErrorValue(v))
          rules.push(new ErrorValueRule(r, c, columnName(table.columns[c], c)));
      });
    });
    return rules;
  },
};
