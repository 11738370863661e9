// `npm start`: Electron where its binary is (or can be) installed, otherwise the same app through
// the browser host, which prints its URL. Run after `npm run build`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, tryInstallElectron } from './electron-binary.cjs';
import { ensureElectronSqlite } from './rebuild-native-for-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const wantBrowser = process.argv.includes('--browser') || process.env.BIEU_BROWSER === '1';

let electron = wantBrowser ? null : findElectronBinary();
if (!electron && !wantBrowser && !process.env.CI) {
  console.error('Đang thử tải Electron…');
  electron = tryInstallElectron();
}
if (electron && !ensureElectronSqlite(electron)) {
  console.error('Không dựng được better-sqlite3 cho Electron; mở Biểu trong trình duyệt thay thế.');
  electron = null;
}

const child = electron
  ? spawn(electron, [path.join(root, 'dist/node/main.cjs'), ...process.argv.slice(2)], {
      stdio: 'inherit',
    })
  : (console.error(
      'Không có Electron trên máy này: Biểu chạy qua máy chủ cục bộ, mở địa chỉ dưới đây trong trình duyệt.',
    ),
    spawn(
      process.execPath,
      [
        path.join(root, 'dist/node/cli.cjs'),
        'serve',
        ...process.argv.slice(2).filter((a) => a !== '--browser'),
      ],
      { stdio: 'inherit' },
    ));

for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
