/**
 * The open document as the renderer sees it: its info, all its tables, which one is shown, and
 * the actions that change it through the API. Cell edits are applied at once (so the checks
 * answer as you type) and then confirmed or rolled back by the host's reply; calls that change
 * the document run one after another, so an undo never overtakes the edit it should undo.
 *
 * Every change comes back as a ChangeSet: cell changes are applied in place; tables whose
 * structure changed are fetched again (`table.get`), and the table list is reloaded when tables
 * were added, removed, renamed or reordered. Fresh tables are checked afresh by the live checks.
 */
import { useCallback, useRef, useState } from 'react';
import type { CallInput, CellEdit, ChangeCall, ChangeSet, DocumentInfo } from '../../shared/api';
import type { Table } from '../../shared/model';
import { call, messageOf } from '../api-client';
import { applyEdits, type TablesById } from './apply-changes';

/** The open document as the renderer holds it (the state of useDocumentSession). */
export interface DocumentState {
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
  /** A document that could not be opened, for the offer to restore its latest backup. */
  openFailure: { path: string; message: string } | null;
  /** Bumped by every change the host confirmed: what shows the history reloads on it. */
  revision: number;
}

/** Run a call that answers with a ChangeSet; resolves with it, or null when it failed. */
export type ChangeFn = <N extends ChangeCall>(
  name: N,
  input: CallInput<N>,
) => Promise<ChangeSet | null>;

export interface DocumentActions {
  loadCurrent(): Promise<void>;
  open(path: string): Promise<boolean>;
  create(path: string, templateIds: string[]): Promise<void>;
  createBlank(path: string): Promise<void>;
  openSample(): Promise<void>;
  saveAs(path: string): Promise<void>;
  rename(name: string): Promise<void>;
  close(): Promise<void>;
  restoreBackup(backupId: string): Promise<void>;
  selectTable(tableId: number): void;
  setCells(edits: CellEdit[], label: string): void;
  change: ChangeFn;
  /** Bring the view up to date with a change made by a call that is not a ChangeCall (an import). */
  applyChanges(changes: ChangeSet): Promise<void>;
  /** Undo / redo the last change; answers what it changed (null when it failed). */
  undo(): Promise<ChangeSet | null>;
  redo(): Promise<ChangeSet | null>;
  showError(error: unknown): void;
  dismissError(): void;
  dismissOpenFailure(): void;
}

const EMPTY: TablesById = new Map();

async function loadTables(info: DocumentInfo): Promise<TablesById> {
  const tables = await Promise.all(info.tables.map((s) => call('table.get', { tableId: s.id })));
  return new Map(tables.map((table: Table) => [table.id, table]));
}

export function useDocumentSession(): [DocumentState, DocumentActions] {
  const [info, setInfo] = useState<DocumentInfo | null>(null);
  const [tables, setTables] = useState<TablesById>(EMPTY);
  const [selectedTableId, setSelectedTableId] = useState<number | null>(null);
  const [busy, setBusy] = useState(true);
  const [pendingWrites, setPendingWrites] = useState(0);
  const [lastWriteFailed, setLastWriteFailed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [openFailure, setOpenFailure] = useState<DocumentState['openFailure']>(null);
  const [revision, setRevision] = useState(0);

  const queue = useRef<Promise<void>>(Promise.resolve());
  // The tables as last set, for the reloads a ChangeSet asks for (state is one render behind).
  const tablesRef = useRef<TablesById>(EMPTY);
  const putTables = useCallback((update: (current: TablesById) => TablesById) => {
    setTables((current) => {
      const next = update(current);
      tablesRef.current = next;
      return next;
    });
  }, []);

  /** Run document-changing calls strictly in order. */
  const enqueue = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    setPendingWrites((n) => n + 1);
    const run = queue.current.then(task);
    queue.current = run.then(
      () => setPendingWrites((n) => n - 1),
      () => setPendingWrites((n) => n - 1),
    );
    return run;
  }, []);

  const showDocument = useCallback(
    async (next: DocumentInfo | null, keepSelection = false) => {
      const loaded = next ? await loadTables(next) : EMPTY;
      setInfo(next);
      putTables(() => loaded);
      setLastWriteFailed(false);
      setRevision((n) => n + 1);
      setSelectedTableId((previous) =>
        keepSelection && previous !== null && loaded.has(previous)
          ? previous
          : (next?.tables[0]?.id ?? null),
      );
    },
    [putTables],
  );

  /** Wrap an action that replaces the whole document view. */
  const replacing = useCallback(
    async (load: () => Promise<DocumentInfo | null>, keepSelection = false): Promise<boolean> => {
      setBusy(true);
      try {
        await showDocument(await load(), keepSelection);
        setError(null);
        return true;
      } catch (e) {
        setError(messageOf(e));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [showDocument],
  );

  /** Bring the view up to date with what the host says changed. */
  const applyChangeSet = useCallback(
    async (changes: ChangeSet) => {
      putTables((current) => applyEdits(current, changes.changes));
      setInfo(
        (current) => current && { ...current, canUndo: changes.canUndo, canRedo: changes.canRedo },
      );
      if (changes.tableListChanged || changes.structureChanged.length > 0) {
        const fresh = await call('document.current', {});
        if (!fresh) return;
        const known = tablesRef.current;
        const reload = fresh.tables
          .map((s) => s.id)
          .filter((id) => !known.has(id) || changes.structureChanged.includes(id));
        const loaded = await Promise.all(reload.map((tableId) => call('table.get', { tableId })));
        putTables((current) => {
          const next = new Map<number, Table>();
          for (const summary of fresh.tables) {
            const table =
              loaded.find((x) => x.id === summary.id) ?? current.get(summary.id) ?? null;
            if (table) next.set(summary.id, table);
          }
          return next;
        });
        setInfo(fresh);
        setSelectedTableId((previous) => {
          if (previous !== null && fresh.tables.some((s) => s.id === previous)) return previous;
          return fresh.tables[0]?.id ?? null;
        });
      }
      setRevision((n) => n + 1);
    },
    [putTables],
  );

  const change = useCallback(
    <N extends ChangeCall>(name: N, input: CallInput<N>): Promise<ChangeSet | null> =>
      enqueue(async () => {
        try {
          const changes = (await call(name, input)) as ChangeSet;
          await applyChangeSet(changes);
          return changes;
        } catch (e) {
          setError(messageOf(e));
          return null;
        }
      }),
    [enqueue, applyChangeSet],
  );

  const actions: DocumentActions = {
    loadCurrent: useCallback(async () => {
      await replacing(() => call('document.current', {}));
    }, [replacing]),
    open: useCallback(
      async (path: string) => {
        setOpenFailure(null);
        let failure: string | null = null;
        const ok = await replacing(async () => {
          try {
            return await call('document.open', { path });
          } catch (e) {
            failure = messageOf(e);
            throw e;
          }
        });
        if (failure) setOpenFailure({ path, message: failure });
        return ok;
      },
      [replacing],
    ),
    create: useCallback(
      async (path: string, templateIds: string[]) => {
        await replacing(() => call('document.create', { path, templateIds }));
      },
      [replacing],
    ),
    createBlank: useCallback(
      async (path: string) => {
        await replacing(() => call('document.createBlank', { path }));
      },
      [replacing],
    ),
    openSample: useCallback(async () => {
      await replacing(() => call('document.openSample', {}));
    }, [replacing]),
    saveAs: useCallback(
      async (path: string) => {
        await replacing(() => call('document.saveAs', { path }), true);
      },
      [replacing],
    ),
    rename: useCallback(async (name: string) => {
      try {
        const next = await call('document.rename', { name });
        setInfo(next);
        setError(null);
      } catch (e) {
        setError(messageOf(e));
      }
    }, []),
    close: useCallback(async () => {
      await replacing(async () => {
        await call('document.close', {});
        return null;
      });
    }, [replacing]),
    restoreBackup: useCallback(
      async (backupId: string) => {
        setOpenFailure(null);
        await replacing(() => call('backups.restore', { backupId }));
      },
      [replacing],
    ),
    selectTable: setSelectedTableId,

    setCells: useCallback(
      (edits: CellEdit[], label: string) => {
        if (edits.length === 0) return;
        putTables((current) => applyEdits(current, edits));
        void enqueue(async () => {
          try {
            await applyChangeSet(await call('cells.set', { edits, label }));
            setLastWriteFailed(false);
          } catch (e) {
            // The host refused the edit: show what it holds again, and say why.
            setLastWriteFailed(true);
            setError(messageOf(e));
            try {
              const ids = [...new Set(edits.map((edit) => edit.tableId))];
              const fresh = await Promise.all(ids.map((tableId) => call('table.get', { tableId })));
              putTables((current) => {
                const next = new Map(current);
                for (const table of fresh) next.set(table.id, table);
                return next;
              });
            } catch {
              // The host is unreachable; the alert already says the change was not saved.
            }
          }
        });
      },
      [enqueue, applyChangeSet, putTables],
    ),

    change,
    applyChanges: useCallback(
      (changes: ChangeSet) => enqueue(() => applyChangeSet(changes)),
      [enqueue, applyChangeSet],
    ),
    undo: useCallback(() => change('edit.undo', {}), [change]),
    redo: useCallback(() => change('edit.redo', {}), [change]),

    showError: useCallback((e: unknown) => setError(messageOf(e)), []),
    dismissError: useCallback(() => setError(null), []),
    dismissOpenFailure: useCallback(() => setOpenFailure(null), []),
  };

  return [
    {
      info,
      tables,
      selectedTableId,
      busy,
      pendingWrites,
      lastWriteFailed,
      error,
      openFailure,
      revision,
    },
    actions,
  ];
}
