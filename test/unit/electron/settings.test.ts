/**
 * The app's settings file: recent documents newest first without repeats, a rename keeps a
 * document's place, and a damaged file is set aside (kept for a person to look at) instead of
 * stopping the app.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../electron/settings';
import { listDir, useWorkspace } from '../helpers/store-helpers';

const ws = useWorkspace();

describe('SettingsStore', () => {
  it('remembers opened documents newest first, once each, twelve at most, across restarts', () => {
    const s = new SettingsStore(ws.dir);
    for (let k = 1; k <= 14; k++) s.rememberOpened(`/docs/${k}.bieu`);
    s.rememberOpened('/docs/5.bieu');
    const again = new SettingsStore(ws.dir).get();
    expect(again.lastDocument).toBe('/docs/5.bieu');
    expect(again.recent.map((r) => path.basename(r.path))).toEqual([
      '5.bieu',
      '14.bieu',
      '13.bieu',
      '12.bieu',
      '11.bieu',
      '10.bieu',
      '9.bieu',
      '8.bieu',
      '7.bieu',
      '6.bieu',
      '4.bieu',
      '3.bieu',
    ]);
    expect(listDir(ws.dir)).toEqual(['settings.json']); // no .tmp left behind
  });

  it('keeps a renamed document in its place and forgets the last one when it is closed', () => {
    const s = new SettingsStore(ws.dir);
    s.rememberOpened('/docs/a.bieu');
    s.rememberOpened('/docs/b.bieu');
    s.renamed('/docs/b.bieu', '/docs/b-2024.bieu');
    expect(s.get().lastDocument).toBe('/docs/b-2024.bieu');
    expect(s.get().recent.map((r) => r.path)).toEqual(['/docs/b-2024.bieu', '/docs/a.bieu']);
    // Saved over another document of the list: that one's entry goes, none is listed twice.
    s.renamed('/docs/a.bieu', '/docs/b-2024.bieu');
    expect(s.get().recent.map((r) => r.path)).toEqual(['/docs/b-2024.bieu']);
    s.forgetLast();
    expect(new SettingsStore(ws.dir).get()).toMatchObject({
      lastDocument: null,
      recent: [{ path: '/docs/b-2024.bieu' }],
    });
  });

  it('sets a damaged file aside and starts from empty settings', () => {
    fs.writeFileSync(path.join(ws.dir, 'settings.json'), '{"recent": [{"path": 3}');
    const s = new SettingsStore(ws.dir);
    expect(s.get()).toEqual({ recent: [], lastDocument: null, sampleCreated: false });
    const files = listDir(ws.dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^settings\.json\.damaged-\d+$/);
  });

  it('starts from empty settings when there is no file yet, and writes none until asked', () => {
    const dir = path.join(ws.dir, 'moi');
    expect(new SettingsStore(dir).get().recent).toEqual([]);
    expect(fs.existsSync(dir)).toBe(false);
  });
});
