/**
 * The checks of a stored document with its own rules: the accepted links between its tables,
 * the rules typed by the user, the rules turned off (rule-rows.ts). One place, so `bieu check
 * DOC.bieu`, the `document.check` call and the rules view agree on what is checked.
 *
 * Links and rules name tables and columns by id in the file; the engine names them by table
 * name and column code or index, read here from the tables as they are now. A link or rule whose
 * table or column is gone is not dropped: the engine reports it as a rule that cannot be checked.
 */
import type { ColumnRefInfo, LinkProposalInfo, RuleInfo } from '../../shared/api';
import {
  checkDocument,
  discoverLinks,
  userRuleProblem,
  userRuleTables,
  type ColumnRef,
  type TableLink,
  type UserRule,
} from '../../shared/checks/document';
import type { Finding } from '../../shared/checks/finding';
import { listFamilies, ORIGIN_NAMES } from '../../shared/checks/rule-list';
import { compileRules } from '../../shared/checks/rules';
import type { Table } from '../../shared/model';
import type { DocumentStore } from '../store/document-store';
import type { LinkRow, UserRuleRow } from '../store/rule-rows';

/** Everything a check of the document reads, read once. */
export interface DocumentRules {
  tables: Table[];
  links: LinkRow[];
  userRules: UserRuleRow[];
  disabled: Set<string>;
}

export function readDocumentRules(store: DocumentStore): DocumentRules {
  return {
    tables: store.listTables().map((t) => store.getTable(t.id)),
    links: store.links(),
    userRules: store.userRules(),
    disabled: store.disabledRules(),
  };
}

/** The column code a link or rule is written with: the code, else the column's number. */
function codeOf(table: Table, col: number): string {
  return table.columns[col].code.trim() || String(col + 1);
}

function missingTable(tableId: number): string {
  return `biểu số ${tableId} (đã xóa)`;
}

/** A column by ids, as the engine names it. */
function columnRefOf(tables: readonly Table[], tableId: number, columnId: number): ColumnRef {
  const table = tables.find((t) => t.id === tableId);
  if (!table) return { table: missingTable(tableId), column: columnId };
  const col = table.columns.findIndex((c) => c.id === columnId);
  return { table: table.name, column: col >= 0 ? col : `số ${columnId} (đã xóa)` };
}

function linkOf(tables: readonly Table[], link: LinkRow): TableLink {
  return {
    from: columnRefOf(tables, link.fromTableId, link.fromColumnId),
    to: columnRefOf(tables, link.toTableId, link.toColumnId),
  };
}

export function userRuleOf(tables: readonly Table[], rule: UserRuleRow): UserRule {
  if (rule.tableId === null) return { text: rule.text };
  const table = tables.find((t) => t.id === rule.tableId);
  return { text: rule.text, table: table?.name ?? missingTable(rule.tableId) };
}

/** The rule families of a table turned off, without the table's prefix. */
function disabledFamilies(disabled: ReadonlySet<string>, tableId: number): Set<string> {
  const prefix = `${tableId}/`;
  return new Set(
    [...disabled].filter((id) => id.startsWith(prefix)).map((id) => id.slice(prefix.length)),
  );
}

/** Every finding of the document, as `document.check` and `bieu check DOC.bieu` report them. */
export function documentFindings(rules: DocumentRules): Finding[] {
  const { tables, disabled } = rules;
  const links = rules.links
    .filter((l) => l.state === 'accepted' && !disabled.has(`link:${l.id}`))
    .map((l) => linkOf(tables, l));
  const userRules = rules.userRules
    .filter((r) => !disabled.has(`user:${r.id}`))
    .map((r) => userRuleOf(tables, r));
  return checkDocument(tables, links, {
    userRules,
    tableOptions: (t) => ({ sheet: t.name, disabledRules: disabledFamilies(disabled, t.id) }),
  });
}

/** "[Hộ nghèo].1 = [Dân số].2": a link in the notation of user rules. */
function linkText(tables: readonly Table[], link: LinkRow): string {
  const side = (tableId: number, columnId: number) => {
    const ref = columnRefOf(tables, tableId, columnId);
    const table = tables.find((t) => t.id === tableId);
    const code = table && typeof ref.column === 'number' ? codeOf(table, ref.column) : ref.column;
    return `[${ref.table}].${code}`;
  };
  return `${side(link.toTableId, link.toColumnId)} = ${side(link.fromTableId, link.fromColumnId)}`;
}

/** Why a link cannot be checked now, or null. */
function linkProblem(tables: readonly Table[], link: LinkRow): string | null {
  for (const [tableId, columnId] of [
    [link.fromTableId, link.fromColumnId],
    [link.toTableId, link.toColumnId],
  ]) {
    const table = tables.find((t) => t.id === tableId);
    if (!table) return `Biểu số ${tableId} của liên kết đã bị xóa.`;
    const column = table.columns.find((c) => c.id === columnId);
    if (!column) return `Cột số ${columnId} của biểu «${table.name}» đã bị xóa.`;
    if (column.type === 'text') return `Cột ${column.code} của biểu «${table.name}» là cột chữ.`;
  }
  return null;
}

/** Units two tables share: how many checks a link makes, roughly (one per row of `to`). */
function linkChecks(tables: readonly Table[], link: LinkRow): number {
  return tables.find((t) => t.id === link.toTableId)?.rows.length ?? 0;
}

/**
 * Every rule of a table, for the rules view: the families its layout gives (code row, headers,
 * total rows, item numbers, thresholds, the data checks), then the links that touch it and the
 * rules the user typed for it (or for the document, when they read it).
 */
export function tableRules(
  rules: DocumentRules,
  tableId: number,
  options: { derived?: boolean } = {},
): RuleInfo[] {
  const { tables, disabled } = rules;
  const index = tables.findIndex((t) => t.id === tableId);
  if (index < 0) return [];
  const table = tables[index];
  const compiled = options.derived === false ? null : compileRules(table);
  const families = compiled ? listFamilies(compiled.rules, table, compiled.context.rowLabel) : [];
  const derived: RuleInfo[] = families.map((f) => {
    const id = `${tableId}/${f.id}`;
    return {
      id,
      tableId,
      origin: f.origin,
      originName: ORIGIN_NAMES[f.origin],
      text: f.text,
      columns: f.columns,
      checks: f.checks,
      enabled: !disabled.has(id),
      removable: false,
      problem: null,
    };
  });
  const links: RuleInfo[] = rules.links
    .filter((l) => l.state === 'accepted' && (l.fromTableId === tableId || l.toTableId === tableId))
    .map((l) => {
      const problem = linkProblem(tables, l);
      return {
        id: `link:${l.id}`,
        tableId: null,
        origin: 'link',
        originName: ORIGIN_NAMES.link,
        text: linkText(tables, l),
        columns: [],
        checks: problem ? 0 : linkChecks(tables, l),
        enabled: !disabled.has(`link:${l.id}`),
        removable: true,
        problem,
      };
    });
  const typed: RuleInfo[] = rules.userRules
    .filter(
      (r) =>
        r.tableId === tableId ||
        (r.tableId === null && userRuleTables(tables, userRuleOf(tables, r)).includes(index)),
    )
    .map((r) => userRuleInfo(tables, r, disabled));
  return [...derived, ...links, ...typed];
}

export function userRuleInfo(
  tables: readonly Table[],
  rule: UserRuleRow,
  disabled: ReadonlySet<string>,
): RuleInfo {
  const asUserRule = userRuleOf(tables, rule);
  const problem = userRuleProblem(tables, asUserRule);
  const reads = userRuleTables(tables, asUserRule);
  return {
    id: `user:${rule.id}`,
    tableId: null,
    origin: 'user',
    originName: ORIGIN_NAMES.user,
    text: rule.text,
    columns: [],
    checks: problem ? 0 : reads.length === 1 ? tables[reads[0]].rows.length : reads.length,
    enabled: !disabled.has(`user:${rule.id}`),
    removable: true,
    problem: problem ? `${problem.message[0].toUpperCase()}${problem.message.slice(1)}.` : null,
  };
}

/** Links the figures suggest, minus those accepted or dismissed, by ids for the renderer. */
export function linkProposals(rules: DocumentRules): LinkProposalInfo[] {
  const { tables } = rules;
  const stored = rules.links.map((l) => {
    const link = linkOf(tables, l);
    // discoverLinks names columns by their code (or number): write the stored ones the same way.
    const code = (ref: ColumnRef) => {
      const t = tables.find((x) => x.name === ref.table);
      return t && typeof ref.column === 'number' ? codeOf(t, ref.column) : ref.column;
    };
    return {
      from: { table: link.from.table, column: code(link.from) },
      to: { table: link.to.table, column: code(link.to) },
    };
  });
  const byName = new Map(tables.map((t) => [t.name, t]));
  const side = (
    ref: ColumnRef,
  ): ColumnRefInfo & {
    tableName: string;
    columnCode: string;
    label: string;
  } => {
    const table = byName.get(ref.table)!;
    const col = table.columns.findIndex((c, i) => codeOf(table, i) === String(ref.column));
    const column = table.columns[col];
    return {
      tableId: table.id,
      columnId: column.id,
      tableName: table.name,
      columnCode: String(ref.column),
      label: [...column.headerPath, column.label].filter((x) => x.trim()).join(' › '),
    };
  };
  return discoverLinks(tables, { exclude: stored }).map((p) => {
    const from = side(p.link.from);
    const to = side(p.link.to);
    const fromTable = byName.get(from.tableName)!;
    const toTable = byName.get(to.tableName)!;
    return {
      from,
      to,
      sharedUnits: p.sharedUnits,
      compared: p.compared,
      agreeing: p.agreeing,
      disagreements: p.disagreements.map((d) => ({
        label: d.label,
        fromRowId: fromTable.rows[d.fromRow].id,
        toRowId: toTable.rows[d.toRow].id,
        fromValue: d.fromValue,
        toValue: d.toValue,
        cause: d.cause,
        suggestion: d.suggestion
          ? d.suggestion.side === 'from'
            ? {
                tableId: from.tableId,
                rowId: fromTable.rows[d.fromRow].id,
                columnId: from.columnId,
                value: d.suggestion.value,
              }
            : {
                tableId: to.tableId,
                rowId: toTable.rows[d.toRow].id,
                columnId: to.columnId,
                value: d.suggestion.value,
              }
          : null,
      })),
      message: p.message,
    };
  });
}

/** "Nhận liên kết [Hộ nghèo].1 = [Dân số].2", for the history. */
export function linkLabel(
  tables: readonly Table[],
  from: ColumnRefInfo,
  to: ColumnRefInfo,
  verb: string,
): string {
  const row: LinkRow = {
    entity: 'link',
    id: 0,
    fromTableId: from.tableId,
    fromColumnId: from.columnId,
    toTableId: to.tableId,
    toColumnId: to.columnId,
    state: 'accepted',
  };
  return `${verb} liên kết ${linkText(tables, row)}`;
}
