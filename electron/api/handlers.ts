/**
 * The one implementation of the API contract (shared/api.ts). Both transports call these
 * handlers through `dispatch`, after the input has been validated against the call's schema.
 */
import type { Api, CallName } from '../../shared/api';
import type { z } from 'zod';
import { listTemplates } from '../store/templates';
import type { DocumentSession } from './session';
import type { AppPaths } from '../app-paths';

export type Handler<N extends CallName> = (
  input: z.output<Api[N]['input']>,
) => z.input<Api[N]['output']> | Promise<z.input<Api[N]['output']>>;

/**
 * Every call of the contract maps to a handler. A call the contract already names but no
 * handler implements yet is answered by dispatch with a clear "not yet" sentence.
 */
export type Handlers = { [N in CallName]?: Handler<N> };

export interface HostFacts {
  version: string;
  transport: 'electron' | 'browser';
  paths: AppPaths;
  /** Native file dialogs, where the host has them (Electron). */
  pickPath?: (purpose: 'open' | 'save') => Promise<string | null>;
}

export function createHandlers(session: DocumentSession, host: HostFacts): Handlers {
  return {
    'app.info': () => ({
      version: host.version,
      transport: host.transport,
      nativeDialogs: Boolean(host.pickPath),
      documentsDir: host.paths.documentsDir,
    }),
    'templates.list': () =>
      listTemplates().map(({ id, name, description }) => ({ id, name, description })),
    'document.current': () => (session.current ? session.info() : null),
    'document.open': ({ path }) => session.open(path),
    'document.create': ({ path, templateIds }) => session.create(path, templateIds),
    'document.saveAs': ({ path }) => session.saveAs(path),
    'table.get': ({ tableId }) => session.require().getTable(tableId),
    'cells.set': ({ edits, label }) => session.require().setCells(edits, label),
    'edit.undo': () => session.require().undo(),
    'edit.redo': () => session.require().redo(),
    'dialog.pickPath': async ({ purpose }) => (host.pickPath ? host.pickPath(purpose) : null),
  };
}
