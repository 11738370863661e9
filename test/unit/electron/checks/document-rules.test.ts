/**
 * The checks of a stored document with its own rules: the tables as they are now, a rule the
 * user typed, a rule turned off, and a link whose column is gone (reported, not dropped).
 */
import { describe, expect, it } from 'vitest';
import {
  documentFindings,
  readDocumentRules,
  tableRules,
} from '../../../../electron/checks/document-rules';
import { useWorkspace } from '../../helpers/store-helpers';

const ws = useWorkspace();

describe('the rules of a document', () => {
  it('are read once and checked as the app and `bieu check` check them', () => {
    const store = ws.createSample();
    const t = store.tableByName('CDHT theo nhóm')!;
    const plain = documentFindings(readDocumentRules(store));
    expect(plain).toEqual([]);

    // A slip in a detail row breaks the code-row formula of its row.
    const one = t.columns.findIndex((c) => c.code === '1');
    store.setCells([{ tableId: t.id, rowId: t.rows[2].id, columnId: t.columns[one].id, value: 1 }]);
    const found = documentFindings(readDocumentRules(store));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.table === t.name)).toBe(true);

    // The same rules, turned off, report nothing.
    const rules = readDocumentRules(store);
    for (const r of tableRules(rules, t.id)) store.setRuleEnabled(r.id, false, `Tắt ${r.id}`);
    expect(documentFindings(readDocumentRules(store))).toEqual([]);
    expect(tableRules(readDocumentRules(store), t.id).every((r) => !r.enabled)).toBe(true);
  });
});
