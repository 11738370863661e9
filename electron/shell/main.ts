/**
 * Electron's main process: one window on the built renderer, the Vietnamese menu, native
 * dialogs, and the IPC transport of the API. Kept thin on purpose: everything below it (store,
 * handlers, checks) is tested in Node and Chromium without Electron.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { bootstrap } from '../app-bootstrap';
import { createHandlers } from '../api/handlers';
import { dispatch } from '../api/dispatch';
import { APP_VERSION } from '../version';
import { buildAppMenu } from './app-menu';
import { INVOKE_CHANNEL } from './menu-commands';
import { lockDownContents, secureWebPreferences } from './window-security';

// The Electron build of better-sqlite3 sits beside the Node one (built for Electron's ABI); point the
// store at it before anything opens a database (the store reads it when it opens a file).
const electronBinding = path.join(__dirname, '..', 'native', 'electron', 'better_sqlite3.node');
if (!process.env.BIEU_SQLITE_BINDING && fs.existsSync(electronBinding)) {
  process.env.BIEU_SQLITE_BINDING = electronBinding;
}

const rendererIndex = path.join(__dirname, '..', 'renderer', 'index.html');
const appUrl = pathToFileURL(rendererIndex).toString();
let mainWindow: BrowserWindow | null = null;

app.enableSandbox();

app.whenReady().then(() => {
  const documentArg = process.argv.slice(1).find((a) => a.toLowerCase().endsWith('.bieu'));
  const started = bootstrap({ document: documentArg });
  const handlers = createHandlers(started.session, {
    version: APP_VERSION,
    transport: 'electron',
    paths: started.paths,
    revealPath: (file) => shell.showItemInFolder(file),
    pickPath: async (purpose) => {
      const filters =
        purpose === 'import'
          ? [
              {
                name: 'Sổ làm việc và báo cáo Word',
                extensions: ['xlsx', 'xls', 'ods', 'docx'],
              },
            ]
          : purpose === 'export'
            ? [{ name: 'Sổ làm việc Excel', extensions: ['xlsx'] }]
            : [{ name: 'Tài liệu Biểu', extensions: ['bieu'] }];
      const defaultPath = started.paths.documentsDir;
      if (purpose === 'open' || purpose === 'import') {
        const r = await dialog.showOpenDialog({ properties: ['openFile'], filters, defaultPath });
        return r.canceled ? null : (r.filePaths[0] ?? null);
      }
      const r = await dialog.showSaveDialog({ filters, defaultPath });
      return r.canceled ? null : (r.filePath ?? null);
    },
  });

  ipcMain.handle(INVOKE_CHANNEL, (event, name: unknown, input: unknown) => {
    // Only our own page may call the API, whatever else might end up loaded.
    if (event.senderFrame?.url !== appUrl) {
      return { ok: false, error: 'Lời gọi không đến từ cửa sổ Biểu.', code: 'bad-input' };
    }
    return dispatch(handlers, name, input);
  });

  const webPreferences = secureWebPreferences(path.join(__dirname, 'preload.cjs'));
  // Electron has no getter for a window's preferences; the shell tests (test/electron/) read
  // this frozen copy to prove what the window was created with.
  (globalThis as { bieuWebPreferences?: unknown }).bieuWebPreferences = Object.freeze({
    ...webPreferences,
  });
  Menu.setApplicationMenu(
    buildAppMenu(
      () => mainWindow,
      () => app.quit(),
    ),
  );
  mainWindow = new BrowserWindow({
    width: 1400,
    height: 860,
    title: 'Biểu',
    show: false,
    webPreferences,
  });
  lockDownContents(mainWindow.webContents, appUrl);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  void mainWindow.loadURL(appUrl);
  if (started.notice)
    void dialog.showMessageBox(mainWindow, { type: 'warning', message: started.notice });

  app.on('before-quit', () => started.session.close());
});

app.on('window-all-closed', () => app.quit());
