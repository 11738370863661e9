/**
 * The one implementation of the API contract (shared/api.ts). Both transports call these
 * handlers through `dispatch`, after the input has been validated against the call's schema.
 */
import type { Api, CallName } from '../../shared/api';
import type { z } from 'zod';
import { openSample } from '../app-bootstrap';
import type { AppPaths } from '../app-paths';
import type { DocumentSession } from './session';
import { createTransferHandlers } from './transfer-handlers';
import { createRuleHandlers } from './rule-handlers';

export type Handler<N extends CallName> = (
  input: z.output<Api[N]['input']>,
) => z.input<Api[N]['output']> | Promise<z.input<Api[N]['output']>>;

/** Every call of the contract maps to a handler: a call without one does not compile. */
export type Handlers = { [N in CallName]: Handler<N> };

export interface HostFacts {
  version: string;
  transport: 'electron' | 'browser';
  paths: AppPaths;
  /** Native file dialogs, where the host has them (Electron). */
  pickPath?: (purpose: 'open' | 'save' | 'import' | 'export') => Promise<string | null>;
  /** Show a file in the system file manager (Electron: shell.showItemInFolder). */
  revealPath?: (filePath: string) => void;
}

export function createHandlers(session: DocumentSession, host: HostFacts): Handlers {
  return {
    ...createTransferHandlers(session),
    ...createRuleHandlers(session),
    'app.info': () => ({
      version: host.version,
      transport: host.transport,
      nativeDialogs: Boolean(host.pickPath),
      documentsDir: host.paths.documentsDir,
    }),
    'templates.list': () => session.templates(),
    'document.current': () => (session.current ? session.info() : null),
    'document.open': ({ path }) => session.open(path),
    'document.create': ({ path, templateIds }) => session.create(path, templateIds),
    'document.saveAs': ({ path }) => session.saveAs(path),
    'table.get': ({ tableId }) => session.require().getTable(tableId),
    'cells.set': ({ edits, label }) => session.require().setCells(edits, label),
    'table.paste': (paste) => session.require().paste(paste),
    'edit.undo': () => session.require().undo(),
    'edit.redo': () => session.require().redo(),
    'dialog.pickPath': async ({ purpose }) => (host.pickPath ? host.pickPath(purpose) : null),

    // documents
    'recent.list': () => session.recent(),
    'document.close': () => {
      session.closeDocument();
      return null;
    },
    'document.createBlank': ({ path }) => session.createBlank(path),
    'document.openSample': () => openSample(session, host.paths),
    'document.rename': ({ name }) => session.rename(name),
    'document.reveal': () => {
      const { folder, file } = session.folder();
      host.revealPath?.(file);
      return folder;
    },
    'meta.get': () => session.require().getMeta(),
    'meta.set': ({ meta }) => session.setMeta(meta),
    'backups.list': ({ path }) => session.backups(path),
    'backups.restore': ({ backupId }) => session.restoreBackup(backupId),

    // tables and their structure
    'table.add': ({ templateId, name }) => session.addTable(templateId, name),
    'table.rename': ({ tableId, name }) => session.require().renameTable(tableId, name),
    'table.duplicate': ({ tableId }) => session.require().duplicateTable(tableId),
    'table.move': ({ tableId, toIndex }) => session.require().moveTable(tableId, toIndex),
    'table.delete': ({ tableId }) => session.require().deleteTable(tableId),
    'table.setInfo': ({ tableId, title, unit }) =>
      session.require().setTableInfo(tableId, { title, unit }),
    'column.add': ({ tableId, atIndex, column }) =>
      session.require().addColumn(tableId, atIndex, column),
    'column.update': ({ tableId, columnId, patch }) =>
      session.require().updateColumn(tableId, columnId, patch),
    'column.remove': ({ tableId, columnId }) => session.require().removeColumn(tableId, columnId),
    'column.move': ({ tableId, columnId, toIndex }) =>
      session.require().moveColumn(tableId, columnId, toIndex),
    'column.group': ({ tableId, columnIds, group }) =>
      session.require().groupColumns(tableId, columnIds, group),
    'row.insert': ({ tableId, atIndex, count, role }) =>
      session.require().insertRows(tableId, atIndex, count, role ?? 'detail'),
    'row.remove': ({ tableId, rowIds }) => session.require().removeRows(tableId, rowIds),
    'row.move': ({ tableId, rowId, toIndex }) => session.require().moveRow(tableId, rowId, toIndex),
    'row.update': ({ tableId, rowId, patch }) => session.require().updateRow(tableId, rowId, patch),
    'template.saveUser': ({ tableId, name }) => session.saveUserTemplate(tableId, name),

    // history
    'history.list': ({ limit }) => session.require().historyEntries(limit),
    'history.revertTo': ({ batchId }) => session.require().revertTo(batchId),
  };
}
