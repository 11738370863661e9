/**
 * Thresholds of indicator tables (docs/domain.md): a value against its target, and the
 * result the table states for it ("Đạt" / "Chưa đạt"). The result is what a reader trusts, so a
 * result that contradicts the numbers is a finding — on the result cell.
 *
 * Where the target comes from:
 * - the value column's own header: "Tỷ lệ hộ dùng nước sạch (tối thiểu 70%)", "≥ 95%", "từ 80%
 *   trở lên", "tối đa 5%", "không quá 5%";
 * - a target column ("Chỉ tiêu", "Mục tiêu", "Kế hoạch") next to the value column: figures, or
 *   text per row ("≥ 70%", "Tối thiểu 95%").
 * The result column is a text column whose cells are results: "Đạt", "Vượt", "Hoàn thành";
 * "Chưa đạt", "Không đạt", "Chưa hoàn thành". Nothing is assumed without one.
 */
import { parseNumber } from '../../numbers';
import { headerText } from '../../table-words';
import {
  CompactRule,
  floatTolerance,
  type CellRef,
  type CellSource,
  type Compared,
  type Comparison,
  type Evaluation,
  type Rule,
  type RuleDescription,
  type RuleKind,
} from '../rule';
import type { TableContext } from '../table-context';
import type { Table } from '../../model';

export type Direction = 'at-least' | 'at-most';

export interface Threshold {
  value: number;
  direction: Direction;
}

const NUMBER = '(\\d+(?:[.,]\\d+)?)';
const AT_LEAST = new RegExp(
  `(?:tối thiểu|ít nhất|không (?:thấp|ít|nhỏ) hơn|>=|≥|=>)\\s*:?\\s*${NUMBER}|(?:^|[^\\p{L}])từ\\s*${NUMBER}\\s*%?\\s*trở lên`,
  'u',
);
const AT_MOST = new RegExp(
  `(?:tối đa|không quá|không (?:cao|lớn|vượt) hơn|<=|≤|=<)\\s*:?\\s*${NUMBER}|(?:^|[^\\p{L}])từ\\s*${NUMBER}\\s*%?\\s*trở xuống`,
  'u',
);

function number(text: string): number {
  return Number(text.replace(',', '.'));
}

/** A threshold stated in words or signs: "tối thiểu 70%", "≥ 95", "từ 80% trở lên", "tối đa 5%". */
export function parseThreshold(text: string): Threshold | null {
  const t = headerText(text);
  const least = AT_LEAST.exec(t);
  if (least) return { value: number(least[1] ?? least[2]), direction: 'at-least' };
  const most = AT_MOST.exec(t);
  if (most) return { value: number(most[1] ?? most[2]), direction: 'at-most' };
  return null;
}

/** A target cell: a figure, or a threshold in words ("≥ 70%"), or a bare figure as text ("70%"). */
function targetOf(value: unknown): Threshold | null {
  if (typeof value === 'number') return { value, direction: 'at-least' };
  if (typeof value !== 'string' || value.trim() === '') return null;
  const said = parseThreshold(value);
  if (said) return said;
  const parsed = parseNumber(value);
  return parsed.kind === 'number' ? { value: parsed.value, direction: 'at-least' } : null;
}

/** What a result cell says: met, not met, or nothing we read. */
export function resultOf(value: unknown): 'met' | 'not-met' | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  // The result words have no "oa/oe/uy" syllable: NFC and lower case are enough to read them.
  const t = value
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!]+$/, '');
  if (/^(?:chưa|không) (?:đạt|hoàn thành)(?:\s|$)/u.test(t)) return 'not-met';
  if (/^(?:đạt|vượt|hoàn thành)(?:\s|$)/u.test(t)) return 'met';
  return null;
}

function chainText(table: Table, col: number): string {
  const c = table.columns[col];
  return [...c.headerPath, c.label].join(' ');
}

const TARGET_HEADER = /(?:^|[^\p{L}])(?:chỉ tiêu|mục tiêu|kế hoạch)(?![\p{L}])/u;
const VALUE_HEADER = /(?:^|[^\p{L}])(?:thực hiện|kết quả|đạt được|ước)(?![\p{L}])/u;

/** Text columns most of whose filled cells (at least half, at least one) are results. */
function resultColumns(table: Table): number[] {
  return table.columns.flatMap((c, col) => {
    if (c.type !== 'text') return [];
    let filled = 0;
    let results = 0;
    for (const row of table.rows) {
      if (row.role === 'group') continue;
      const v = row.cells[col];
      if (typeof v !== 'string' || v.trim() === '') continue;
      filled++;
      if (resultOf(v)) results++;
      else if (results === 0 && filled >= 20) return []; // a column of names, not of results
    }
    return results > 0 && results * 2 >= filled ? [col] : [];
  });
}

/** A target column: its header says so, and most of its filled cells are targets. */
function isTargetColumn(table: Table, col: number): boolean {
  if (!TARGET_HEADER.test(headerText(chainText(table, col)))) return false;
  let filled = 0;
  let targets = 0;
  for (const row of table.rows) {
    if (row.role === 'group') continue;
    const v = row.cells[col];
    if (v === null || (typeof v === 'string' && v.trim() === '')) continue;
    filled++;
    if (targetOf(v)) targets++;
  }
  return targets > 0 && targets * 2 >= filled;
}

export interface ThresholdPairing {
  valueCol: number;
  /** The target column, or null when the value column's header states the threshold. */
  targetCol: number | null;
  constant: Threshold | null;
  resultCol: number;
}

/** The value, target and result columns of a table, each result with the nearest value to its left. */
export function thresholdPairings(context: TableContext): ThresholdPairing[] {
  const { table } = context;
  const results = resultColumns(table);
  if (results.length === 0) return [];
  const figure = (c: number) => context.figureColumns[c];
  const targets = table.columns.flatMap((_, c) => (isTargetColumn(table, c) ? [c] : []));
  const sources: Omit<ThresholdPairing, 'resultCol'>[] = [];
  table.columns.forEach((_, c) => {
    if (!figure(c) || targets.includes(c)) return;
    const constant = parseThreshold(chainText(table, c));
    if (constant) sources.push({ valueCol: c, targetCol: null, constant });
  });
  for (const t of targets) {
    // The value: a figure column headed "Thực hiện" / "Kết quả", else the nearest figure column.
    const candidates = table.columns
      .map((_, c) => c)
      .filter((c) => c !== t && figure(c) && !targets.includes(c) && !results.includes(c));
    const headed = candidates.filter((c) => VALUE_HEADER.test(headerText(chainText(table, c))));
    const pool = headed.length > 0 ? headed : candidates;
    const value = pool.sort((a, b) => Math.abs(a - t) - Math.abs(b - t) || b - a)[0];
    if (value !== undefined && !sources.some((s) => s.valueCol === value)) {
      sources.push({ valueCol: value, targetCol: t, constant: null });
    }
  }
  const pairings: ThresholdPairing[] = [];
  for (const r of results) {
    const left = sources.filter((s) => s.valueCol < r).sort((a, b) => b.valueCol - a.valueCol);
    const source = left[0] ?? sources.sort((a, b) => a.valueCol - b.valueCol)[0];
    if (source) pairings.push({ ...source, resultCol: r });
  }
  return pairings;
}

interface ThresholdShape extends ThresholdPairing {
  comparison: Comparison;
  valueCode: string;
  table: Table;
}

/** On one row: the stated result against value vs target. */
class RowThresholdRule extends CompactRule implements Rule {
  readonly kind = 'threshold' as const;
  /** It reads the result, which is text. */
  readonly acceptsText = true;

  constructor(
    readonly row: number,
    private readonly shape: ThresholdShape,
  ) {
    super();
  }

  get key(): string {
    return `threshold:${this.row}:${this.shape.resultCol}`;
  }
  get target(): CellRef {
    return { row: this.row, col: this.shape.resultCol };
  }
  get comparison(): Comparison {
    return this.shape.comparison;
  }
  /** Built when a message is: it quotes the result as the table states it now. */
  get description(): RuleDescription {
    const { table, resultCol, targetCol, constant } = this.shape;
    const cells = table.rows[this.row]?.cells ?? [];
    const target = constant ?? (targetCol !== null ? targetOf(cells[targetCol]) : null);
    const result = cells[resultCol];
    return {
      kind: 'threshold',
      columnCode: this.shape.valueCode,
      direction: target?.direction ?? 'at-least',
      result: typeof result === 'string' ? result.trim() : '',
    };
  }

  forEachRead(visit: (row: number, col: number) => void): void {
    visit(this.row, this.shape.resultCol);
    visit(this.row, this.shape.valueCol);
    if (this.shape.targetCol !== null) visit(this.row, this.shape.targetCol);
  }

  evaluate(cells: CellSource): Evaluation {
    const { valueCol, targetCol, constant, resultCol } = this.shape;
    const value = cells.raw(this.row, valueCol);
    if (typeof value !== 'number') return { status: 'skip', reason: 'text' };
    const target =
      constant ?? (targetCol !== null ? targetOf(cells.raw(this.row, targetCol)) : null);
    const said = resultOf(cells.raw(this.row, resultCol));
    if (!target || !said) return { status: 'skip', reason: 'text' };
    const slack = floatTolerance(target.value);
    const met =
      target.direction === 'at-least'
        ? value >= target.value - slack
        : value <= target.value + slack;
    const compared: Compared = {
      status: met === (said === 'met') ? 'pass' : 'fail',
      stated: value,
      exact: target.value,
      expected: target.value,
    };
    return compared;
  }
}

export const thresholdKind: RuleKind = {
  name: 'threshold',
  compile(context) {
    const { table } = context;
    const rules: Rule[] = [];
    for (const pairing of thresholdPairings(context)) {
      const column = table.columns[pairing.valueCol];
      const shape: ThresholdShape = {
        ...pairing,
        table,
        valueCode: column.code.trim() || String(pairing.valueCol + 1),
        comparison: {
          shape: 'bound',
          decimals: column.decimals,
          integers: false,
          roundingSlack: 0,
        },
      };
      table.rows.forEach((row, r) => {
        if (row.role !== 'group') rules.push(new RowThresholdRule(r, shape));
      });
    }
    return rules;
  },
};
