/**
 * The application shell: menu bar, alerts and the read-only band, the start screen or the open
 * document, the status bar, and the dialogs the menu opens. Menu commands from the page and from
 * Electron's native menu go through one `runCommand`.
 */
import { useCallback, useEffect, useEffectEvent, useMemo, useState } from 'react';
import type { CallOutput, CellEdit, ChangeSet } from '../shared/api';
import type { Table } from '../shared/model';
import { call, onMenuCommand } from './api-client';
import { countFindings, useFindings, type FindingCounts } from './checks/use-findings';
import { ConfirmDialog } from './dialogs/ConfirmDialog';
import { useDocumentSession } from './document/use-document-session';
import type { CellPosition } from './grid/cell-findings';
import type { PasteWithRows } from './grid/clipboard';
import type { NoticeAction, StructureEdit } from './grid/grid-commands';
import { pinnedTotal } from './grid/display-order';
import type { FocusRequest, GridSelection } from './grid/TableGrid';
import { t, useLanguage } from './i18n';
import type { MenuCommand } from '../shared/menu-commands';
import { MenuBar } from './menu/MenuBar';
import { AppDialogs, type OpenDialog } from './shell/AppDialogs';
import { appMenus } from './shell/app-menus';
import { ReadOnlyBanner } from './shell/ReadOnlyBanner';
import { StatusBar } from './shell/StatusBar';
import { useSaveAnswer } from './shell/use-save-answer';
import { isTextEntry, useUndoShortcuts } from './shell/use-undo-shortcuts';
import { stepZoom, updateView, useViewSettings } from './shell/view-settings';
import { Workspace, type SidePanel } from './shell/Workspace';
import { StartScreen } from './start/StartScreen';

type AppInfo = CallOutput<'app.info'>;

const NOTICE_MS = 10_000;

export function App() {
  useLanguage();
  const view = useViewSettings();
  const [session, actions] = useDocumentSession();
  const { info, tables, selectedTableId } = session;
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [panel, setPanel] = useState<SidePanel>(null);
  const [findSeq, setFindSeq] = useState(0);
  const [notice, setNoticeState] = useState<{ text: string; action?: NoticeAction } | null>(null);
  /** A sentence in the notice bar, with one button when the sentence offers something to do. */
  const setNotice = useCallback(
    (text: string | null, action?: NoticeAction) =>
      setNoticeState(text === null ? null : { text, action }),
    [],
  );
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [gridSelection, setGridSelection] = useState<GridSelection | null>(null);

  useEffect(() => {
    call('app.info', {}).then(setAppInfo, actions.showError);
    void actions.loadCurrent();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on start
  }, []);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  const findings = useFindings(tables);
  const counts = useMemo(() => {
    const perTable = new Map<number, FindingCounts>();
    const total: FindingCounts = { errors: 0, warnings: 0 };
    for (const [id, list] of findings) {
      const count = countFindings(list);
      perTable.set(id, count);
      total.errors += count.errors;
      total.warnings += count.warnings;
    }
    return { perTable, total };
  }, [findings]);

  const table = selectedTableId !== null ? (tables.get(selectedTableId) ?? null) : null;
  const tableFindings = useMemo(
    () => (selectedTableId !== null ? (findings.get(selectedTableId) ?? []) : []),
    [findings, selectedTableId],
  );
  const tableIndex = info?.tables.findIndex((x) => x.id === selectedTableId) ?? -1;

  const focusCell = useCallback(
    (tableId: number, position: CellPosition) => {
      actions.selectTable(tableId);
      setFocusRequest((previous) => ({ ...position, tableId, seq: (previous?.seq ?? 0) + 1 }));
    },
    [actions],
  );

  /**
   * Undo and redo show what they changed, even in another table (an undo after a restart may
   * reach back into any of them): that table, scrolled to the cells, selected. The table on
   * screen goes first when the change touched it.
   */
  const showChanged = useCallback(
    (changes: ChangeSet | null) => {
      if (!changes) return;
      const cells = changes.changes;
      const tableId = cells.some((c) => c.tableId === selectedTableId)
        ? selectedTableId
        : (cells[0]?.tableId ?? changes.structureChanged[0] ?? null);
      if (tableId === null) return;
      actions.selectTable(tableId);
      const changed = cells.filter((c) => c.tableId === tableId);
      if (changed.length > 0)
        setFocusRequest((previous) => ({ changed, tableId, seq: (previous?.seq ?? 0) + 1 }));
    },
    [actions, selectedTableId],
  );

  const setEdits = actions.setCells;
  const onEdits = useCallback(
    (edits: CellEdit[], label: string) => setEdits(edits, label),
    [setEdits],
  );

  /** Ask for a path: the native dialog in Electron, our text field in the browser. */
  const askPath = async (
    purpose: 'open' | 'save' | 'blank',
    then: (path: string) => Promise<unknown>,
  ) => {
    if (!appInfo?.nativeDialogs) return setDialog({ kind: 'path', purpose });
    try {
      const path = await call('dialog.pickPath', { purpose: purpose === 'open' ? 'open' : 'save' });
      if (path) await then(path);
    } catch (error) {
      actions.showError(error);
    }
  };

  /** Electron: choose the workbook in the native dialog first; the browser: a path field. */
  const startImport = async () => {
    if (!appInfo?.nativeDialogs) return setDialog({ kind: 'import', path: null });
    try {
      const path = await call('dialog.pickPath', { purpose: 'import' });
      if (path) setDialog({ kind: 'import', path });
    } catch (error) {
      actions.showError(error);
    }
  };

  // A paste taller than the table: ask before adding rows; declining keeps the table's size.
  // Agreeing writes the rows and the cells as ONE `table.paste` call: one undo takes it back.
  const [pasteOffer, setPasteOffer] = useState<{
    table: Table;
    count: number;
    paste?: PasteWithRows;
    answer(ids: number[] | null): void;
  } | null>(null);
  const change = actions.change;
  const onPasteRows = useCallback(
    (target: Table, count: number, paste?: PasteWithRows) =>
      new Promise<number[] | null>((resolve) =>
        setPasteOffer({ table: target, count, paste, answer: resolve }),
      ),
    [],
  );
  /**
   * Ctrl++ / Ctrl+− and the grid's right-click menu: new detail rows, rows deleted, a column
   * inserted, columns deleted, rows given a role — each ONE call, so one undo takes it back.
   */
  const onStructure = useCallback(
    async (edit: StructureEdit) => {
      const { tableId } = edit;
      switch (edit.kind) {
        case 'insertRows': {
          const { atIndex, count } = edit;
          await change('row.insert', { tableId, atIndex, count, role: 'detail' });
          return;
        }
        case 'deleteRows':
          await change('row.remove', { tableId, rowIds: edit.rowIds });
          return;
        case 'insertColumn':
          await change('column.add', { tableId, atIndex: edit.atIndex, column: edit.column });
          return;
        case 'deleteColumns':
          await change('column.remove', { tableId, columnIds: edit.columnIds });
          return;
        case 'setRole':
          if (edit.rowIds.length > 0)
            await change('row.update', {
              tableId,
              rowIds: edit.rowIds,
              patch: { role: edit.role },
            });
      }
    },
    [change],
  );
  const addPastedRows = async (offer: NonNullable<typeof pasteOffer>) => {
    setPasteOffer(null);
    const { table: target, count } = offer;
    const before = new Set(target.rows.map((r) => r.id));
    // New rows go at the end of the body: before a grand total that closes the table.
    const total = pinnedTotal(target);
    const atIndex =
      total && target.rows[target.rows.length - 1] === total
        ? target.rows.length - 1
        : target.rows.length;
    const done = offer.paste
      ? await change('table.paste', { ...offer.paste, atIndex })
      : await change('row.insert', { tableId: target.id, atIndex, count, role: 'detail' });
    if (!done) return offer.answer(null);
    try {
      const fresh = await call('table.get', { tableId: target.id });
      offer.answer(fresh.rows.filter((r) => !before.has(r.id)).map((r) => r.id));
    } catch (error) {
      actions.showError(error);
      offer.answer(null);
    }
  };

  const runCommand = (command: MenuCommand) => {
    const selected = tableIndex >= 0 && info ? info.tables[tableIndex] : null;
    switch (command) {
      case 'home':
        setPanel(null);
        setFindSeq(0);
        void actions.close();
        break;
      case 'new':
        setDialog({ kind: 'new' });
        break;
      case 'newBlank':
        void askPath('blank', actions.createBlank);
        break;
      case 'open':
        void askPath('open', actions.open);
        break;
      case 'openSample':
        void actions.openSample();
        break;
      case 'saveAs':
        if (info) void askPath('save', actions.saveAs);
        break;
      case 'rename':
        if (info && !info.readOnly) setDialog({ kind: 'rename' });
        break;
      case 'reveal':
        if (info)
          call('document.reveal', {}).then(
            (folder) => setNotice(t('notice.folder', { folder })),
            actions.showError,
          );
        break;
      case 'meta':
      case 'backups':
        if (info) setDialog({ kind: command });
        break;
      case 'import':
        if (info && !info.readOnly) void startImport();
        break;
      case 'export':
        if (info) setDialog({ kind: 'export' });
        break;
      case 'quit':
        window.close();
        break;
      case 'undo':
        // An edit still on its way will be undoable once written; the queue keeps the order.
        if (info?.canUndo || session.pendingWrites > 0) void actions.undo().then(showChanged);
        break;
      case 'redo':
        if (info?.canRedo || session.pendingWrites > 0) void actions.redo().then(showChanged);
        break;
      case 'find':
        if (info) setFindSeq((n) => n + 1);
        break;
      case 'tableAdd':
        if (info && !info.readOnly) setDialog({ kind: 'addTable' });
        break;
      case 'tableRename':
      case 'tableDelete':
      case 'saveTemplate':
        if (selected && (command === 'saveTemplate' || !info?.readOnly))
          setDialog({ kind: command, tableId: selected.id, name: selected.name });
        break;
      case 'collectForms':
      case 'collectFiles':
        if (selected && (command === 'collectForms' || !info?.readOnly))
          setDialog({ kind: command, tableId: selected.id, name: selected.name });
        break;
      case 'tableDuplicate':
        if (selected) void actions.change('table.duplicate', { tableId: selected.id });
        break;
      case 'tableUp':
      case 'tableDown': {
        const toIndex = tableIndex + (command === 'tableUp' ? -1 : 1);
        if (selected && info && toIndex >= 0 && toIndex < info.tables.length)
          void actions.change('table.move', { tableId: selected.id, toIndex });
        break;
      }
      case 'structure':
        setPanel((p) => (p === 'structure' ? null : 'structure'));
        break;
      case 'history':
        setPanel((p) => (p === 'history' ? null : 'history'));
        break;
      case 'zoomIn':
        stepZoom(1);
        break;
      case 'zoomOut':
        stepZoom(-1);
        break;
      case 'zoomReset':
        updateView({ zoom: 1 });
        break;
      case 'theme':
        updateView({ theme: view.theme === 'dark' ? 'light' : 'dark' });
        break;
      case 'about':
        setDialog({ kind: 'about' });
        break;
    }
  };
  // The native menu's subscription lives as long as the page; it must call the latest handler.
  // Its Ctrl+Z / Ctrl+Y accelerators reach us as commands even inside a text field, where they
  // belong to the field (the same rule as useUndoShortcuts).
  const onNativeCommand = useEffectEvent((command: MenuCommand) => {
    if ((command === 'undo' || command === 'redo') && isTextEntry(document.activeElement)) {
      document.execCommand(command);
    } else {
      runCommand(command);
    }
  });
  useEffect(() => onMenuCommand((command) => onNativeCommand(command)), []);
  const saveAnswer = useSaveAnswer(session, setNotice);
  useUndoShortcuts({
    undo: () => runCommand('undo'),
    redo: () => runCommand('redo'),
    find: () => runCommand('find'),
    save: saveAnswer.ask,
    zoom: (direction) =>
      runCommand(direction === 0 ? 'zoomReset' : direction > 0 ? 'zoomIn' : 'zoomOut'),
  });

  const menus = appMenus({
    info,
    selectedTableId,
    structureOpen: panel === 'structure',
    historyOpen: panel === 'history',
    theme: view.theme,
  });

  return (
    <div className="app">
      <MenuBar menus={menus} onCommand={runCommand} />
      <div role="alert" className={session.error ? 'alert alert-visible' : 'alert'}>
        {session.error && (
          <>
            <span className="alert-text">{session.error}</span>
            <button
              type="button"
              className="alert-dismiss"
              aria-label={t('alert.dismiss')}
              onClick={actions.dismissError}
            >
              ×
            </button>
          </>
        )}
      </div>
      {notice && (
        <div className="notice" role="status">
          <span className="notice-text">{notice.text}</span>
          {notice.action && (
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setNotice(null);
                notice.action?.run();
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button
            type="button"
            className="alert-dismiss"
            aria-label={t('alert.dismiss')}
            onClick={() => setNotice(null)}
          >
            ×
          </button>
        </div>
      )}
      {info && <ReadOnlyBanner info={info} />}

      {info ? (
        <Workspace
          info={info}
          tables={tables}
          table={table}
          findings={tableFindings}
          counts={counts.perTable}
          busy={session.busy}
          revision={session.revision}
          zoom={view.zoom}
          panel={panel}
          findSeq={findSeq}
          focusRequest={focusRequest}
          selection={gridSelection}
          onSelectTable={actions.selectTable}
          onAddTable={() => runCommand('tableAdd')}
          onEdits={onEdits}
          change={actions.change}
          onFocusCell={focusCell}
          onSelectionChange={setGridSelection}
          onNotice={setNotice}
          onPasteRows={onPasteRows}
          onStructure={(edit) => void onStructure(edit)}
          onError={actions.showError}
          onSaveTemplate={() => runCommand('saveTemplate')}
          onClosePanel={() => setPanel(null)}
          onCloseFind={() => setFindSeq(0)}
        />
      ) : session.busy ? (
        <main className="start">
          <p className="placeholder">{t('start.loading')}</p>
        </main>
      ) : (
        <StartScreen
          onNewFromTemplates={() => runCommand('new')}
          onNewBlank={() => runCommand('newBlank')}
          onOpen={() => runCommand('open')}
          onOpenSample={() => runCommand('openSample')}
          onOpenRecent={(path) => void actions.open(path)}
          onError={actions.showError}
        />
      )}

      <StatusBar
        info={info}
        pendingWrites={session.pendingWrites}
        lastWriteFailed={session.lastWriteFailed}
        explainAutosave={saveAnswer.explainAutosave}
        counts={counts.total}
        selection={info && table ? (gridSelection?.stats ?? null) : null}
        zoom={view.zoom}
        onZoom={(direction) =>
          runCommand(direction === 0 ? 'zoomReset' : direction > 0 ? 'zoomIn' : 'zoomOut')
        }
      />

      <AppDialogs
        dialog={dialog}
        info={info}
        appInfo={appInfo}
        session={session}
        actions={actions}
        onClose={() => setDialog(null)}
        onNotice={setNotice}
      />
      {pasteOffer && (
        <ConfirmDialog
          title={t('paste.addRowsTitle')}
          message={t('paste.addRowsMessage', {
            rows: pasteOffer.count,
            name: pasteOffer.table.name,
          })}
          confirmLabel={t('paste.addRowsConfirm', { rows: pasteOffer.count })}
          cancelLabel={t('paste.addRowsDecline')}
          onCancel={() => {
            setPasteOffer(null);
            pasteOffer.answer(null);
          }}
          onConfirm={() => void addPastedRows(pasteOffer)}
        />
      )}
    </div>
  );
}
