/**
 * The one implementation of the API contract (shared/api.ts). Both transports call these
 * handlers through `dispatch`, after the input has been validated against the call's schema.
 * Each domain of the contract (`callDomains`) has one handler module here, which must answer
 * every call of its domain: adding a call is the contract, that module, and the caller.
 */
import type { Api, CallDomain, CallName, DomainCallName } from '../../shared/api';
import type { z } from 'zod';
import type { AppPaths } from '../app-paths';
import { createAppHandlers } from './app-handlers';
import type { AppSession } from './app-session';
import { createCollectHandlers } from './collect-handlers';
import { createDocumentHandlers } from './document-handlers';
import { createEditHandlers } from './edit-handlers';
import { createRuleHandlers } from './rule-handlers';
import { createTableHandlers } from './table-handlers';
import { createTransferHandlers } from './transfer-handlers';

type Handler<N extends CallName> = (
  input: z.output<Api[N]['input']>,
) => z.input<Api[N]['output']> | Promise<z.input<Api[N]['output']>>;

/** Every call of the contract maps to a handler: a call without one does not compile. */
export type Handlers = { [N in CallName]: Handler<N> };

/** The handlers of one domain: every call of it, and no other. */
export type DomainHandlers<D extends CallDomain> = { [N in DomainCallName<D>]: Handler<N> };

export interface HostFacts {
  version: string;
  transport: 'electron' | 'browser';
  paths: AppPaths;
  /** Native file dialogs, where the host has them (Electron). */
  pickPath?: (purpose: 'open' | 'save' | 'import' | 'export') => Promise<string | null>;
  /** Show a file in the system file manager (Electron: shell.showItemInFolder). */
  revealPath?: (filePath: string) => void;
}

export function createHandlers(session: AppSession, host: HostFacts): Handlers {
  return {
    ...createAppHandlers(session, host),
    ...createDocumentHandlers(session, host),
    ...createTableHandlers(session),
    ...createEditHandlers(session),
    ...createTransferHandlers(session),
    ...createRuleHandlers(session),
    ...createCollectHandlers(session),
  };
}
