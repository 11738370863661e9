/**
 * The API as the app uses it, in process: a real bootstrap under a temporary BIEU_HOME, every call
 * through `dispatch` with its schema check. `start()` again is a restart of the app.
 */
import type { CallInput, CallName, CallOutput } from '../../shared/api';
import { bootstrap, type Bootstrapped } from '../../electron/app-bootstrap';
import { dispatch } from '../../electron/api/dispatch';
import { createHandlers, type Handlers, type HostFacts } from '../../electron/api/handlers';

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
