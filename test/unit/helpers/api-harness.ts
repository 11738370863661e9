/**
 * The API as the app uses it, in process: a real bootstrap under a temporary BIEU_HOME, every call
 * through `dispatch` with its schema check. `start()` again is a restart of the app.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../../shared/api';
import { bootstrap, type Bootstrapped } from '../../../electron/app-bootstrap';
import { dispatch } from '../../../electron/api/dispatch';
import { createHandlers, type Handlers, type HostFacts } from '../../../electron/api/handlers';

export class InProcessApi {
  app!: Bootstrapped;
  private handlers!: Handlers;

  /** `host` may change the host facts at each start (say, an Electron host with a reveal hook). */
  constructor(
    private readonly home: () => string,
    private readonly host: () => Partial<HostFacts> = () => ({}),
  ) {}

  start = (): void => {
    this.app = bootstrap({ env: { BIEU_HOME: this.home() } });
    this.handlers = createHandlers(this.app.session, {
      version: 'test',
      transport: 'browser',
      paths: this.app.paths,
      ...this.host(),
    });
  };

  call = async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> => {
    const reply = await dispatch(this.handlers, name, input);
    if (!reply.ok) throw Object.assign(new Error(reply.error), { code: reply.code });
    return reply.value as CallOutput<N>;
  };

  failure = async (name: CallName, input: unknown): Promise<{ error: string; code: string }> => {
    const reply = await dispatch(this.handlers, name, input);
    if (reply.ok) throw new Error(`${name} should have failed`);
    return reply;
  };
}

/**
 * The API started in a fresh temporary BIEU_HOME before each test (the first start opens the
 * sample), closed and removed after it.
 */
export function useApi(prefix: string): InProcessApi & { homeDir(): string } {
  let home = '';
  const api = Object.assign(new InProcessApi(() => home), { homeDir: () => home });
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    api.start();
  });
  afterEach(() => {
    api.app.session.close();
    fs.rmSync(home, { recursive: true, force: true });
  });
  return api;
}

/**
 * The first figure cell of the first table of the open document (the sample's first commune):
 * where tests type a value and read it back.
 */
export function firstFigure(api: InProcessApi) {
  const locate = async () => {
    const info = await api.call('document.current', {});
    const table = await api.call('table.get', { tableId: info!.tables[0].id });
    return { table, col: table.columns.findIndex((x) => x.type !== 'text') };
  };
  return {
    /** The cells.set input that types `value` there. */
    async edit(value: number) {
      const { table, col } = await locate();
      return {
        edits: [
          { tableId: table.id, rowId: table.rows[0].id, columnId: table.columns[col].id, value },
        ],
      };
    },
    async type(value: number): Promise<void> {
      await api.call('cells.set', await this.edit(value));
    },
    async value(): Promise<unknown> {
      const { table, col } = await locate();
      return table.rows[0].cells[col];
    },
  };
}
