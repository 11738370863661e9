/**
 * Checks and the rules of the document: every finding of the document
 * with its links and the user's rules, the rules view of a table, turning rules off and on,
 * rules typed by the user, and the links the figures suggest. Each change is one undoable batch
 * of the document's edit log (DocumentStore: structure records of kind 'rules').
 */
import { UserError, type RuleInfo } from '../../shared/api';
import { userRuleProblem } from '../../shared/checks/document';
import {
  documentFindings,
  linkLabel,
  linkProposals,
  readDocumentRules,
  tableRules,
  type DocumentRules,
  userRuleInfo,
  userRuleOf,
} from '../checks/document-rules';
import type { DomainHandlers } from './handlers';
import type { AppSession } from './app-session';

export function createRuleHandlers(session: AppSession): DomainHandlers<'rules'> {
  const rulesOf = () => readDocumentRules(session.require());

  return {
    'document.check': () => documentFindings(rulesOf()),
    'rules.list': ({ tableId }) => {
      session.require().getTable(tableId); // a missing table is a UserError naming it
      return tableRules(rulesOf(), tableId);
    },
    'rules.setEnabled': ({ ruleId, enabled }) => {
      const store = session.require();
      const rules = rulesOf();
      const rule = findRule(rules, ruleId);
      if (!rule && !rules.disabled.has(ruleId)) {
        throw new UserError(`Không có quy tắc «${ruleId}» trong tài liệu.`, 'not-found');
      }
      const table = rules.tables.find((t) => t.id === rule?.tableId);
      const what = rule
        ? `«${rule.text}»${table ? ` của biểu «${table.name}»` : ''}`
        : `«${ruleId}»`;
      return store.setRuleEnabled(
        ruleId,
        enabled,
        `${enabled ? 'Bật lại' : 'Tắt'} quy tắc ${what}`,
      );
    },
    'rules.addUser': ({ tableId, text }) => {
      const store = session.require();
      const rules = rulesOf();
      const table = tableId === undefined ? null : store.getTable(tableId);
      const row = {
        entity: 'user-rule' as const,
        id: 0,
        tableId: table?.id ?? null,
        text,
        position: 0,
      };
      const problem = userRuleProblem(rules.tables, userRuleOf(rules.tables, row));
      if (problem) {
        const where = problem.position !== null ? ` (vị trí ${problem.position})` : '';
        const said = problem.message.includes('vị trí') ? '' : where;
        throw new UserError(
          `Quy tắc «${text}» chưa dùng được: ${problem.message}${said}.`,
          'bad-input',
        );
      }
      const label = table
        ? `Thêm quy tắc «${text}» vào biểu «${table.name}»`
        : `Thêm quy tắc «${text}» của tài liệu`;
      const { id, changes } = store.addUserRule(table?.id ?? null, text, label);
      const after = rulesOf();
      const stored = after.userRules.find((r) => r.id === id)!;
      return { rule: userRuleInfo(after.tables, stored, after.disabled), changes };
    },
    'rules.removeUser': ({ id }) => {
      const store = session.require();
      const rule = store.userRules().find((r) => r.id === id);
      return store.removeUserRule(id, `Xóa quy tắc «${rule?.text ?? id}»`);
    },
    'links.proposals': () => linkProposals(rulesOf()),
    'links.accept': ({ proposal }) => {
      const store = session.require();
      const label = linkLabel(rulesOf().tables, proposal.from, proposal.to, 'Nhận');
      return store.setLink(proposal.from, proposal.to, 'accepted', label);
    },
    'links.dismiss': ({ proposal }) => {
      const store = session.require();
      const label = linkLabel(rulesOf().tables, proposal.from, proposal.to, 'Bỏ qua đề xuất');
      return store.setLink(proposal.from, proposal.to, 'dismissed', label);
    },
    'links.remove': ({ id }) => {
      const store = session.require();
      const rules = rulesOf();
      const link = rules.links.find((l) => l.id === id);
      const label = link
        ? linkLabel(
            rules.tables,
            { tableId: link.fromTableId, columnId: link.fromColumnId },
            { tableId: link.toTableId, columnId: link.toColumnId },
            'Xóa',
          )
        : `Xóa liên kết số ${id}`;
      return store.removeLink(id, label);
    },
  };
}

/** A rule by the id the rules view gives it: "12/code-row:1", "link:3", "user:5". */
function findRule(rules: DocumentRules, ruleId: string): RuleInfo | null {
  const derived = /^(\d+)\//.exec(ruleId);
  if (derived) {
    return tableRules(rules, Number(derived[1])).find((r) => r.id === ruleId) ?? null;
  }
  for (const table of rules.tables) {
    const rule = tableRules(rules, table.id, { derived: false }).find((r) => r.id === ruleId);
    if (rule) return rule;
  }
  const user = rules.userRules.find((r) => `user:${r.id}` === ruleId);
  return user ? userRuleInfo(rules.tables, user, rules.disabled) : null;
}
