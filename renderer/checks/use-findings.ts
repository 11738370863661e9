/**
 * The live checks: every loaded table is checked by the shared engine, in the renderer, so a
 * finding appears or disappears as soon as a cell changes (live-checks.ts keeps that cheap).
 */
import { useMemo, useState } from 'react';
import type { Finding } from '../../shared/checks/finding';
import type { TablesById } from '../document/apply-changes';
import { checkLive, type LiveCheck } from './live-checks';

export interface FindingCounts {
  errors: number;
  warnings: number;
}

export function useFindings(tables: TablesById): ReadonlyMap<number, Finding[]> {
  // The sessions, by table id. Not state: updating them never needs a render of its own, and
  // each entry pairs a session with the table it reflects, so a render React throws away leaves
  // them consistent (the next table is compared with what the session really holds).
  const [live] = useState(() => new Map<number, LiveCheck>());
  return useMemo(() => {
    const byTable = new Map<number, Finding[]>();
    for (const id of live.keys()) if (!tables.has(id)) live.delete(id);
    for (const [id, table] of tables) {
      const checked = checkLive(live.get(id), table);
      live.set(id, checked);
      byTable.set(id, checked.findings);
    }
    return byTable;
  }, [tables, live]);
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
