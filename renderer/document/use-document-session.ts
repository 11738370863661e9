/**
 * The open document as the renderer sees it: its info, all its tables, which one is shown, and
 * the actions that change it through the API. Edits are applied at once (so the checks answer as
 * you type) and then confirmed or rolled back by the host's reply; calls that change the
 * document run one after another, so an undo never overtakes the edit it should undo.
 */
import { useCallback, useRef, useState } from 'react';
import type { CellEdit, ChangeSet, DocumentInfo } from '../../shared/api';
import type { Table } from '../../shared/model';
import { call } from '../api-client';
import { t } from '../i18n';
import { applyEdits, type TablesById } from './apply-changes';

export interface DocumentSession {
  info: DocumentInfo | null;
  tables: TablesById;
  selectedTableId: number | null;
  /** Opening, creating or reloading a document. */
  busy: boolean;
  /** Changes sent to the host and not yet confirmed as written. */
  pendingWrites: number;
  /** The last write was refused: what the screen showed was rolled back. */
  lastWriteFailed: boolean;
  /** The message of the last failed action, in the user's language (the host's is Vietnamese). */
  error: string | null;
}

export interface DocumentActions {
  loadCurrent(): Promise<void>;
  open(path: string): Promise<void>;
  create(path: string, templateIds: string[]): Promise<void>;
  saveAs(path: string): Promise<void>;
  selectTable(tableId: number): void;
  setCell(edit: CellEdit, label: string): void;
  undo(): void;
  redo(): void;
  showError(error: unknown): void;
  dismissError(): void;
}

const EMPTY: TablesById = new Map();

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : t('error.unknown');
}

async function loadTables(info: DocumentInfo): Promise<TablesById> {
  const tables = await Promise.all(info.tables.map((s) => call('table.get', { tableId: s.id })));
  return new Map(tables.map((table: Table) => [table.id, table]));
}

export function useDocumentSession(): [DocumentSession, DocumentActions] {
  const [info, setInfo] = useState<DocumentInfo | null>(null);
  const [tables, setTables] = useState<TablesById>(EMPTY);
  const [selectedTableId, setSelectedTableId] = useState<number | null>(null);
  const [busy, setBusy] = useState(true);
  const [pendingWrites, setPendingWrites] = useState(0);
  const [lastWriteFailed, setLastWriteFailed] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const queue = useRef<Promise<void>>(Promise.resolve());

  /** Run document-changing calls strictly in order. */
  const enqueue = useCallback((task: () => Promise<void>) => {
    setPendingWrites((n) => n + 1);
    queue.current = queue.current.then(task).finally(() => setPendingWrites((n) => n - 1));
  }, []);

  const showDocument = useCallback(async (next: DocumentInfo | null, keepSelection = false) => {
    const loaded = next ? await loadTables(next) : EMPTY;
    setInfo(next);
    setTables(loaded);
    setLastWriteFailed(false);
    setSelectedTableId((previous) =>
      keepSelection && previous !== null && loaded.has(previous)
        ? previous
        : (next?.tables[0]?.id ?? null),
    );
  }, []);

  /** Wrap an action that replaces the whole document view. */
  const replacing = useCallback(
    async (load: () => Promise<DocumentInfo | null>, keepSelection = false) => {
      setBusy(true);
      try {
        await showDocument(await load(), keepSelection);
        setError(null);
      } catch (e) {
        setError(messageOf(e));
      } finally {
        setBusy(false);
      }
    },
    [showDocument],
  );

  const applyChangeSet = useCallback((changes: ChangeSet) => {
    setTables((current) => applyEdits(current, changes.changes));
    setInfo(
      (current) => current && { ...current, canUndo: changes.canUndo, canRedo: changes.canRedo },
    );
  }, []);

  const actions: DocumentActions = {
    loadCurrent: useCallback(() => replacing(() => call('document.current', {})), [replacing]),
    open: useCallback(
      (path: string) => replacing(() => call('document.open', { path })),
      [replacing],
    ),
    create: useCallback(
      (path: string, templateIds: string[]) =>
        replacing(() => call('document.create', { path, templateIds })),
      [replacing],
    ),
    saveAs: useCallback(
      (path: string) => replacing(() => call('document.saveAs', { path }), true),
      [replacing],
    ),
    selectTable: setSelectedTableId,

    setCell: useCallback(
      (edit: CellEdit, label: string) => {
        setTables((current) => applyEdits(current, [edit]));
        enqueue(async () => {
          try {
            applyChangeSet(await call('cells.set', { edits: [edit], label }));
            setLastWriteFailed(false);
          } catch (e) {
            // The host refused the edit: show what it holds again, and say why.
            setLastWriteFailed(true);
            setError(messageOf(e));
            try {
              const table = await call('table.get', { tableId: edit.tableId });
              setTables((current) => new Map(current).set(table.id, table));
            } catch {
              // The host is unreachable; the alert already says the change was not saved.
            }
          }
        });
      },
      [enqueue, applyChangeSet],
    ),

    undo: useCallback(() => {
      enqueue(async () => {
        try {
          applyChangeSet(await call('edit.undo', {}));
        } catch (e) {
          setError(messageOf(e));
        }
      });
    }, [enqueue, applyChangeSet]),

    redo: useCallback(() => {
      enqueue(async () => {
        try {
          applyChangeSet(await call('edit.redo', {}));
        } catch (e) {
          setError(messageOf(e));
        }
      });
    }, [enqueue, applyChangeSet]),

    showError: useCallback((e: unknown) => setError(messageOf(e)), []),
    dismissError: useCallback(() => setError(null), []),
  };

  return [{ info, tables, selectedTableId, busy, pendingWrites, lastWriteFailed, error }, actions];
}
