/**
 * The rules of the open document as the live checks need them: which rule families of each table
 * are turned off (from `rules.list`), and the findings of the rules that span the document —
 * accepted links and typed rules — from `document.check`. The tables' own rules are checked in
 * the renderer (live-checks.ts) so a typed figure is judged in the same frame; the document's
 * rules follow one round trip later, and only when the document has any.
 */
import { useSyncExternalStore } from 'react';
import type { Finding } from '../../shared/checks/finding';
import { call } from '../api-client';

export interface RulesState {
  /** Rule families turned off, per table id, without the table's prefix ("code-row:1"). */
  disabled: ReadonlyMap<number, ReadonlySet<string>>;
  /** Whether the document has links or typed rules (then `document.check` is asked). */
  hasDocumentRules: boolean;
  /** Findings of links and typed rules, by the table they point at. */
  documentFindings: readonly Finding[];
  /** Bumped after every change of the rules, so views re-read them. */
  version: number;
}

const EMPTY: ReadonlySet<string> = new Set();
let state: RulesState = {
  disabled: new Map(),
  hasDocumentRules: false,
  documentFindings: [],
  version: 0,
};
const listeners = new Set<() => void>();
let tableIds: number[] = [];
let request = 0;

function publish(next: Partial<RulesState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

export function useRulesState(): RulesState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

export function disabledOf(rules: RulesState, tableId: number): ReadonlySet<string> {
  return rules.disabled.get(tableId) ?? EMPTY;
}

const DOCUMENT_KINDS = new Set<Finding['kind']>(['cross-table', 'user-rule']);

/** Re-reads the rules of the given tables (all of the document's), then their findings. */
export async function refreshRules(ids: readonly number[] = tableIds): Promise<void> {
  tableIds = [...ids];
  const mine = ++request;
  try {
    const lists = await Promise.all(tableIds.map((id) => call('rules.list', { tableId: id })));
    if (mine !== request) return;
    const disabled = new Map<number, Set<string>>();
    let hasDocumentRules = false;
    lists.forEach((rules, i) => {
      const prefix = `${tableIds[i]}/`;
      const off = new Set<string>();
      for (const rule of rules) {
        if (rule.origin === 'link' || rule.origin === 'user') hasDocumentRules = true;
        if (!rule.enabled && rule.id.startsWith(prefix)) off.add(rule.id.slice(prefix.length));
      }
      disabled.set(tableIds[i], off);
    });
    publish({ disabled, hasDocumentRules, version: state.version + 1 });
    await refreshDocumentFindings();
  } catch (error) {
    console.error('[bieu] đọc quy tắc của tài liệu thất bại', error);
  }
}

/** Asks the host for the findings of links and typed rules (after an edit, a rule change). */
export async function refreshDocumentFindings(): Promise<void> {
  if (!state.hasDocumentRules) {
    if (state.documentFindings.length) publish({ documentFindings: [] });
    return;
  }
  const mine = request;
  try {
    const all = await call('document.check', {});
    if (mine !== request) return;
    publish({ documentFindings: all.filter((f) => DOCUMENT_KINDS.has(f.kind)) });
  } catch (error) {
    console.error('[bieu] kiểm tra tài liệu thất bại', error);
  }
}

/** Every finding of the document, by table id, as the live checks last computed them. */
let allFindings: ReadonlyMap<number, readonly Finding[]> = new Map();
const findingListeners = new Set<() => void>();

export function publishAllFindings(next: ReadonlyMap<number, readonly Finding[]>): void {
  allFindings = next;
  for (const listener of findingListeners) listener();
}

export function useAllFindings(): ReadonlyMap<number, readonly Finding[]> {
  return useSyncExternalStore(
    (listener) => {
      findingListeners.add(listener);
      return () => findingListeners.delete(listener);
    },
    () => allFindings,
  );
}
