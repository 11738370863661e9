/**
 * What every way of starting Biểu does first (Electron window, browser host, `bieu serve`):
 * find the app's folders, read the settings, and open a document — the one asked for, else the
 * last one, else (on the very first start) a sample made from the built-in templates, so the main
 * job shows at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../shared/api';
import { appPaths, type AppPaths } from './app-paths';
import { DocumentSession } from './api/session';
import { SettingsStore } from './settings';

export const SAMPLE_TEMPLATES = ['dan-so-tham-gia', 'cdht-theo-nhom'];
export const SAMPLE_FILE_NAME = 'Mau-bao-cao.bieu';

export interface Bootstrapped {
  paths: AppPaths;
  settings: SettingsStore;
  session: DocumentSession;
  /** A Vietnamese sentence about what could not be opened at start, or null. */
  notice: string | null;
}

export function bootstrap(options: { document?: string; env?: NodeJS.ProcessEnv } = {}): Bootstrapped {
  const paths = appPaths(options.env);
  fs.mkdirSync(paths.dataDir, { recursive: true });
  const settings = new SettingsStore(paths.dataDir);
  const session = new DocumentSession(settings);
  let notice: string | null = null;

  if (options.document) {
    // An explicit document that cannot be opened is the caller's error: let it surface.
    session.open(options.document);
    return { paths, settings, session, notice };
  }
  const last = settings.get().lastDocument;
  if (last && fs.existsSync(last)) {
    try {
      session.open(last);
    } catch (err) {
      notice = err instanceof UserError ? err.message : `Không mở lại được «${path.basename(last)}».`;
    }
  } else if (!settings.get().sampleCreated) {
    const samplePath = path.join(paths.documentsDir, SAMPLE_FILE_NAME);
    if (fs.existsSync(samplePath)) session.open(samplePath);
    else session.create(samplePath, SAMPLE_TEMPLATES);
    settings.update((s) => ({ ...s, sampleCreated: true }));
  }
  return { paths, settings, session, notice };
}
