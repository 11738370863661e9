/**
 * Compiling a table into rules. Each kind of check is a module under ./kinds exporting a
 * `RuleKind`; adding a kind of check means adding such a module and listing it in
 * `DEFAULT_RULE_KINDS` — the engine, the cell index and the suggestions need no change.
 */
import type { Table } from '../model';
import type { Rule, RuleKind } from './rule';
import { analyzeTable, type CompileProblem, type TableContext } from './table-context';
import { rowFormulaKind } from './kinds/row-formula';
import { columnTotalKind } from './kinds/column-total';
import { headerSumKind, proposeTotalFormulas } from './kinds/header-sum';
import { notANumberKind } from './kinds/not-a-number';
import { thresholdKind } from './kinds/threshold';
import { outlineKind } from './kinds/outline';
import { duplicateCodeKind } from './kinds/duplicate-code';
import { magnitudeKind } from './kinds/magnitude';
import { errorValueKind } from './kinds/error-value';
import { partWholeKind } from './kinds/part-whole';
import { blockSumKind } from './kinds/block-sum';
import type { FormulaProposal } from './proposal';

export type {
  CellRef,
  CellSource,
  Compared,
  Comparison,
  Evaluation,
  Rule,
  RuleDescription,
  RuleKind,
  TotalCoverage,
} from './rule';
export { cellKey } from './rule';

export const DEFAULT_RULE_KINDS: readonly RuleKind[] = [
  notANumberKind,
  rowFormulaKind,
  columnTotalKind,
  headerSumKind,
  partWholeKind,
  thresholdKind,
  outlineKind,
  blockSumKind,
  duplicateCodeKind,
  magnitudeKind,
  errorValueKind,
];

export interface CompiledRules {
  rules: Rule[];
  /** Definitions that could not be compiled (a formula that does not parse, a duplicate code). */
  problems: CompileProblem[];
  /** Rules the figures suggest but the table does not state (a "Tổng" column without formula). */
  proposals: FormulaProposal[];
  context: TableContext;
}

export function compileRules(
  table: Table,
  kinds: readonly RuleKind[] = DEFAULT_RULE_KINDS,
): CompiledRules {
  const context = analyzeTable(table);
  // One copy of each kind's list (a national table's figure check alone has 117,000 rules),
  // not one push per rule into a list that keeps growing.
  const rules = ([] as Rule[]).concat(...kinds.map((kind) => kind.compile(context)));
  return { rules, problems: context.problems, proposals: proposeTotalFormulas(context), context };
}
