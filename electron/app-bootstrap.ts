/**
 * What every way of starting Biểu does first (Electron window, browser host, `bieu serve`):
 * find the app's folders, read the settings, and open a document — the one asked for, else the
 * last one, else (on the very first start) a sample made from the built-in templates, so the main
 * job shows at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError, type DocumentInfo } from '../shared/api';
import { appPaths, type AppPaths } from './app-paths';
import { AppSession } from './api/app-session';
import { SettingsStore } from './settings';
import { loadTemplate, tableFromTemplate } from './store/templates';
import type { NewTable } from './store/new-table';

const SAMPLE_TEMPLATES = ['dan-so-tham-gia', 'cdht-theo-nhom'];
export const SAMPLE_FILE_NAME = 'Mau-bao-cao.bieu';

export interface Bootstrapped {
  paths: AppPaths;
  settings: SettingsStore;
  session: AppSession;
  /** A Vietnamese sentence about what could not be opened at start, or null. */
  notice: string | null;
}

export function bootstrap(
  options: { document?: string; env?: NodeJS.ProcessEnv } = {},
): Bootstrapped {
  const paths = appPaths(options.env);
  fs.mkdirSync(paths.dataDir, { recursive: true });
  const settings = new SettingsStore(paths.dataDir);
  const session = new AppSession(settings, paths);
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
      notice =
        err instanceof UserError ? err.message : `Không mở lại được «${path.basename(last)}».`;
    }
  } else if (!settings.get().sampleCreated) {
    openSample(session, paths);
    settings.update((s) => ({ ...s, sampleCreated: true }));
  }
  return { paths, settings, session, notice };
}

/** Open the sample document, making it again if it was deleted. */
export function openSample(session: AppSession, paths: AppPaths): DocumentInfo {
  const samplePath = path.join(paths.documentsDir, SAMPLE_FILE_NAME);
  return fs.existsSync(samplePath)
    ? session.open(samplePath)
    : session.createFromTables(samplePath, sampleTables());
}

/**
 * The sample document: both templates, with a slip real tables carry (docs/domain.md) planted in one cell —
 * the participants of Thị trấn Lộc Ninh typed 1.329 instead of 1.239 (two digits swapped) — so a
 * first look shows what Biểu is for: the rate and the total no longer agree, and the cell is red.
 */
function sampleTables(): NewTable[] {
  const tables = SAMPLE_TEMPLATES.map((id) => tableFromTemplate(loadTemplate(id)));
  const population = tables[0];
  const participants = population.columns.findIndex((c) => c.code === '6');
  const town = population.rows.find((r) => r.unitKey === 'thị trấn lộc ninh');
  if (participants >= 0 && town && town.cells[participants] === 1239)
    town.cells[participants] = 1329;
  return tables;
}
