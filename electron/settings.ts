/**
 * The app's own small settings store (recent documents, window state, locale), a JSON
 * file in the app-data folder. A damaged settings file is set aside, not trusted and not fatal:
 * the documents themselves never depend on it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const settingsSchema = z.object({
  recent: z.array(z.object({ path: z.string(), openedAt: z.string() })).default([]),
  lastDocument: z.string().nullable().default(null),
  sampleCreated: z.boolean().default(false),
});

export type Settings = z.output<typeof settingsSchema>;

const MAX_RECENT = 12;

export class SettingsStore {
  private readonly file: string;
  private value: Settings;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'settings.json');
    this.value = this.read();
  }

  get(): Settings {
    return this.value;
  }

  update(change: (s: Settings) => Settings): void {
    this.value = change(this.value);
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    // Write then rename: a crash mid-write leaves the old settings, not half a file.
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.value, null, 2));
    fs.renameSync(tmp, this.file);
  }

  rememberOpened(docPath: string): void {
    this.update((s) => ({
      ...s,
      lastDocument: docPath,
      recent: [
        { path: docPath, openedAt: new Date().toISOString() },
        ...s.recent.filter((r) => r.path !== docPath),
      ].slice(0, MAX_RECENT),
    }));
  }

  /** The user closed the document: the next start shows the start screen, not this one. */
  forgetLast(): void {
    this.update((s) => ({ ...s, lastDocument: null }));
  }

  /** A document was renamed or moved: keep its place in the recent list under its new path. */
  renamed(from: string, to: string): void {
    this.update((s) => ({
      ...s,
      lastDocument: s.lastDocument === from ? to : s.lastDocument,
      recent: s.recent
        .filter((r) => r.path !== to)
        .map((r) => (r.path === from ? { ...r, path: to } : r)),
    }));
  }

  private read(): Settings {
    try {
      return settingsSchema.parse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && fs.existsSync(this.file)) {
        fs.renameSync(this.file, `${this.file}.damaged-${Date.now()}`);
      }
      return settingsSchema.parse({});
    }
  }
}
