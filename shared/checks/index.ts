/** The check engine's public surface; see engine.ts for how the parts fit. */
export {
  checkTable,
  CheckSession,
  type CellChange,
  type CheckOptions,
  type LocatedFinding,
} from './engine';
export * from './finding';
export {
  parseFormula,
  parseCodeRowEntry,
  formulaCodes,
  evaluateFormula,
  formatFormula,
  hasDivision,
  linearForm,
  type FormulaNode,
  type FormulaError,
  type FormulaParseResult,
  type CodeRowEntryResult,
  type LinearForm,
} from './formula';
export { classifyCause, type Mismatch } from './causes';
export { compileRules, DEFAULT_RULE_KINDS, type CompiledRules } from './rules';
export type { CellRef, Rule, RuleKind, Evaluation } from './rule';
export { isRateColumn, type CompileProblem } from './table-context';
export { damerauLevenshtein } from './edit-distance';
export type { FormulaProposal } from './proposal';
export {
  checkDocument,
  discoverLinks,
  DocumentSession,
  type ColumnRef,
  type DiscoverOptions,
  type DocumentOptions,
  type LinkDisagreement,
  type LinkProposal,
  type TableLink,
  type UserRule,
} from './document';
export { parseUserRule, type UserRuleAst, type UserRuleParse, type UserRuleRef } from './user-rule';
export { parseThreshold, resultOf } from './kinds/threshold';
export { resolveTable, tableCode } from './table-names';
export { tableUnits, unitNameColumn, type TableUnits } from './units-of-table';
export { isBreakdownHeader, isOfWhichHeader, isTotalHeader } from '../table-words';
export {
  buildOutline,
  markerOfLabel,
  ofWhichOf,
  type NumberingIssue,
  type Outline,
} from './outline';
export {
  familyId,
  listFamilies,
  ORIGIN_NAMES,
  RULE_ORIGINS,
  type ListedFamily,
  type RuleFamily,
  type RuleOrigin,
} from './rule-list';
