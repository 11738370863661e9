/**
 * The live checks: every loaded table is checked by the shared engine, in the renderer, so a
 * finding appears or disappears as soon as a cell changes (live-checks.ts keeps that cheap). The
 * rules turned off in the rules view are left out; the findings of the document's links and
 * typed rules come from the host (rules-store.ts) and are added to the tables they point at.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Finding } from '../../shared/checks/finding';
import type { TablesById } from '../document/apply-changes';
import {
  disabledOf,
  publishAllFindings,
  refreshDocumentFindings,
  refreshRules,
  useRulesState,
} from '../rules/rules-store';
import { checkLive, type LiveCheck } from './live-checks';

export interface FindingCounts {
  errors: number;
  warnings: number;
}

const DOCUMENT_CHECK_DELAY_MS = 120;

export function useFindings(tables: TablesById): ReadonlyMap<number, Finding[]> {
  // The sessions, by table id. Not state: updating them never needs a render of its own, and
  // each entry pairs a session with the table it reflects, so a render React throws away leaves
  // them consistent (the next table is compared with what the session really holds).
  const [live] = useState(() => new Map<number, LiveCheck>());
  const rules = useRulesState();

  // The document's rules, read again whenever its set of tables changes.
  const idsKey = [...tables.keys()].join(',');
  useEffect(() => {
    const ids = idsKey === '' ? [] : idsKey.split(',').map(Number);
    void refreshRules(ids);
  }, [idsKey]);

  // Links and typed rules: asked again a moment after the figures change.
  const { hasDocumentRules } = rules;
  useEffect(() => {
    if (!hasDocumentRules) return;
    const timer = setTimeout(() => void refreshDocumentFindings(), DOCUMENT_CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [tables, hasDocumentRules]);

  const findings = useMemo(() => {
    const byTable = new Map<number, Finding[]>();
    const idByName = new Map<string, number>();
    for (const id of live.keys()) if (!tables.has(id)) live.delete(id);
    for (const [id, table] of tables) {
      const checked = checkLive(live.get(id), table, disabledOf(rules, id));
      live.set(id, checked);
      byTable.set(id, checked.findings);
      idByName.set(table.name, id);
    }
    for (const finding of rules.documentFindings) {
      const id = idByName.get(finding.table);
      if (id === undefined) continue;
      byTable.set(id, [...(byTable.get(id) ?? []), finding]);
    }
    return byTable;
  }, [tables, live, rules]);

  useEffect(() => publishAllFindings(findings), [findings]);
  return findings;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors += 1;
    else if (f.severity === 'warning') warnings += 1;
  }
  return { errors, warnings };
}
