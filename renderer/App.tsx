/**
 * The application shell: menu bar, error banner, the document view (table list, grid, checks)
 * and status bar, and the dialogs the menu opens. Menu commands from the page and from
 * Electron's native menu go through one `runCommand`.
 */
import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import type { CallOutput } from '../shared/api';
import { call, inElectron, onMenuCommand } from './api-client';
import { ChecksPanel } from './checks/ChecksPanel';
import { countFindings, useFindings, type FindingCounts } from './checks/use-findings';
import { AboutDialog } from './dialogs/AboutDialog';
import { NewDocumentDialog } from './dialogs/NewDocumentDialog';
import { PathDialog } from './dialogs/PathDialog';
import { useDocumentSession } from './document/use-document-session';
import type { CellPosition } from './grid/cell-findings';
import { TableGrid, type FocusRequest } from './grid/TableGrid';
import { t, useLanguage } from './i18n';
import type { MenuCommand } from './menu/commands';
import { MenuBar, type Menu } from './menu/MenuBar';
import { StatusBar } from './shell/StatusBar';
import { TableList } from './shell/TableList';
import { isTextEntry, useUndoShortcuts } from './shell/use-undo-shortcuts';

type AppInfo = CallOutput<'app.info'>;
type OpenDialog = { kind: 'new' } | { kind: 'path'; purpose: 'open' | 'save' } | { kind: 'about' };

const NEW_DOCUMENT_NAME = 'Bao-cao-moi.bieu';

/** `<documentsDir>/Bao-cao-moi.bieu`, with the separator the host's own paths use. */
function defaultNewPath(appInfo: AppInfo | null): string {
  if (!appInfo) return NEW_DOCUMENT_NAME;
  const dir = appInfo.documentsDir.replace(/[\\/]+$/, '');
  const separator = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return `${dir}${separator}${NEW_DOCUMENT_NAME}`;
}

export function App() {
  useLanguage();
  const [session, actions] = useDocumentSession();
  const { info, tables, selectedTableId } = session;
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);

  useEffect(() => {
    call('app.info', {}).then(setAppInfo, actions.showError);
    void actions.loadCurrent();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on start
  }, []);

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

  const focusCell = (position: CellPosition) =>
    setFocusRequest((previous) => ({ ...position, seq: (previous?.seq ?? 0) + 1 }));

  /** Ask for a path: the native dialog in Electron, our text field in the browser. */
  const askPath = async (purpose: 'open' | 'save', then: (path: string) => Promise<void>) => {
    if (!appInfo?.nativeDialogs) return setDialog({ kind: 'path', purpose });
    try {
      const path = await call('dialog.pickPath', { purpose });
      if (path) await then(path);
    } catch (error) {
      actions.showError(error);
    }
  };

  const runCommand = (command: MenuCommand) => {
    switch (command) {
      case 'new':
        setDialog({ kind: 'new' });
        break;
      case 'open':
        void askPath('open', actions.open);
        break;
      case 'saveAs':
        if (info) void askPath('save', actions.saveAs);
        break;
      case 'import':
      case 'export':
        break; // shown as "Sắp có" until the Excel import/export lands
      case 'quit':
        window.close();
        break;
      case 'undo':
        // An edit still on its way will be undoable once written; the queue keeps the order.
        if (info?.canUndo || session.pendingWrites > 0) actions.undo();
        break;
      case 'redo':
        if (info?.canRedo) actions.redo();
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
  useUndoShortcuts(
    () => runCommand('undo'),
    () => runCommand('redo'),
  );

  const menus: Menu[] = [
    {
      id: 'file',
      label: 'menu.file',
      items: [
        { command: 'new', label: 'menu.new' },
        { command: 'open', label: 'menu.open' },
        {
          command: 'saveAs',
          label: 'menu.saveAs',
          disabledReason: info ? undefined : 'menu.needDocument',
        },
        {
          command: 'import',
          label: 'menu.importExcel',
          disabledReason: 'menu.comingSoon',
        },
        {
          command: 'export',
          label: 'menu.exportExcel',
          disabledReason: 'menu.comingSoon',
        },
        ...(inElectron() ? [{ command: 'quit' as const, label: 'menu.quit' as const }] : []),
      ],
    },
    {
      id: 'edit',
      label: 'menu.edit',
      items: [
        {
          command: 'undo',
          label: 'menu.undo',
          shortcut: 'Ctrl+Z',
          disabledReason: info?.canUndo ? undefined : 'menu.nothingToUndo',
        },
        {
          command: 'redo',
          label: 'menu.redo',
          shortcut: 'Ctrl+Y',
          disabledReason: info?.canRedo ? undefined : 'menu.nothingToRedo',
        },
      ],
    },
    { id: 'help', label: 'menu.help', items: [{ command: 'about', label: 'menu.about' }] },
  ];

  const closeDialog = () => setDialog(null);

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

      {info ? (
        <main className="workspace">
          <TableList
            info={info}
            selectedTableId={selectedTableId}
            counts={counts.perTable}
            onSelect={actions.selectTable}
          />
          <div className="document-center">
            {table ? (
              <>
                <div className="table-heading">
                  <h1 className="table-title">{table.title || table.name}</h1>
                  {table.unit && (
                    <p className="table-unit">{t('grid.unit', { unit: table.unit })}</p>
                  )}
                </div>
                <TableGrid
                  table={table}
                  findings={tableFindings}
                  readOnly={info.readOnly}
                  onEdit={actions.setCell}
                  focusRequest={focusRequest}
                />
              </>
            ) : (
              <p className="placeholder">
                {t(session.busy ? 'grid.loadingTable' : 'grid.chooseTable')}
              </p>
            )}
            <ChecksPanel
              table={table}
              findings={tableFindings}
              readOnly={info.readOnly}
              onSelect={focusCell}
              onApplySuggestion={(position, value) => {
                if (!table) return;
                const row = table.rows[position.rowIndex];
                const column = table.columns[position.columnIndex];
                actions.setCell(
                  { tableId: table.id, rowId: row.id, columnId: column.id, value },
                  `Áp dụng gợi ý ở ô ${column.code}`,
                );
                focusCell(position);
              }}
            />
          </div>
        </main>
      ) : (
        <main className="start">
          {session.busy ? (
            <p className="placeholder">{t('start.loading')}</p>
          ) : (
            <div className="start-card">
              <h1>{t('start.title')}</h1>
              <p>{t('start.body')}</p>
              <div className="start-actions">
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => runCommand('new')}
                >
                  {t('menu.new')}
                </button>
                <button type="button" className="button" onClick={() => runCommand('open')}>
                  {t('menu.open')}
                </button>
              </div>
            </div>
          )}
        </main>
      )}

      <StatusBar
        info={info}
        pendingWrites={session.pendingWrites}
        lastWriteFailed={session.lastWriteFailed}
        counts={counts.total}
      />

      {dialog?.kind === 'new' && (
        <NewDocumentDialog
          initialPath={defaultNewPath(appInfo)}
          nativeDialogs={appInfo?.nativeDialogs ?? false}
          onCancel={closeDialog}
          onError={actions.showError}
          onCreate={(path, templateIds) => {
            closeDialog();
            void actions.create(path, templateIds);
          }}
        />
      )}
      {dialog?.kind === 'path' && (
        <PathDialog
          purpose={dialog.purpose}
          initialPath={info?.path ?? defaultNewPath(appInfo)}
          onCancel={closeDialog}
          onChoose={(path) => {
            closeDialog();
            void (dialog.purpose === 'open' ? actions.open(path) : actions.saveAs(path));
          }}
        />
      )}
      {dialog?.kind === 'about' && (
        <AboutDialog version={appInfo?.version ?? '—'} onClose={closeDialog} />
      )}
    </div>
  );
}
