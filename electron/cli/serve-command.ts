/**
 * `bieu serve [DOC.bieu] [--port N]`: the browser host. Prints exactly one line with the URL
 * (and its token) when it is ready, then serves until stopped.
 */
import path from 'node:path';
import { UserError } from '../../shared/api';
import { bootstrap } from '../app-bootstrap';
import { createHandlers } from '../api/handlers';
import { startHttpHost } from '../host/http-host';
import { APP_VERSION } from '../version';
import { parseArgs } from './args';

export async function runServe(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<void> {
  const args = parseArgs(argv, { flags: [], options: ['--port'] }, 'serve');
  if (args.positional.length > 1) {
    throw new UserError('Lệnh «bieu serve» nhận nhiều nhất một tài liệu .bieu.', 'bad-input');
  }
  const port = args.options.has('--port') ? Number(args.options.get('--port')) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UserError(
      `Cổng «${args.options.get('--port')}» không hợp lệ (0–65535).`,
      'bad-input',
    );
  }
  const app = bootstrap({ document: args.positional[0] });
  if (app.notice) err(app.notice);
  const handlers = createHandlers(app.session, {
    version: APP_VERSION,
    transport: 'browser',
    paths: app.paths,
  });
  const host = await startHttpHost({
    handlers,
    rendererDir: path.join(__dirname, '..', 'renderer'),
    port,
  });
  out(`Biểu đang chạy tại ${host.url}`);

  const stop = async () => {
    await host.close();
    app.session.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
