/**
 * A cell that shows one of Excel's error values ("#VALUE!", "#REF!", "#DIV/0!", "#N/A" …): its
 * formula could not be computed, so the figure the table means to state is not there — whatever
 * adds it up or reads it is not worth much either. Reported in every column, labels included (a
 * unit name looked up by a formula that failed is just as missing).
 */
import { isErrorValue } from '../../table-words';
import {
  CellFactRule,
  NOTHING_TO_SAY,
  type CellSource,
  type Evaluation,
  type Rule,
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

class ErrorValueRule extends CellFactRule implements Rule {
  readonly kind = 'error-value' as const;

  constructor(row: number, col: number, columnCode: string) {
    super('error-value', 'error-value', row, col, columnCode);
  }

  evaluate(cells: CellSource): Evaluation {
    const value = cells.raw(this.row, this.col);
    if (typeof value !== 'string' || !isErrorValue(value)) return NOTHING_TO_SAY;
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
