/**
 * One list of menu commands serves the in-page menu bar and Electron's native menu: the in-page
 * menus offer every command of the list, the native menu sends none outside it, and a name that
 * is not in it is refused before any handler runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMenuCommand, MENU_COMMANDS } from '../../../shared/menu-commands';

describe('menu commands', () => {
  it('accepts the listed names only', () => {
    expect(isMenuCommand('undo')).toBe(true);
    expect(isMenuCommand('collectFiles')).toBe(true);
    expect(isMenuCommand('deleteEverything')).toBe(false);
    expect(isMenuCommand('Undo')).toBe(false);
    expect(isMenuCommand(3)).toBe(false);
    expect(isMenuCommand(undefined)).toBe(false);
  });

  it('offers every listed command in the in-page menus, and the native menu sends only listed ones', () => {
    // The menus are read as source: the in-page one needs a browser page to run.
    const named = (file: string, call: RegExp) =>
      [...fs.readFileSync(path.resolve(__dirname, '../../..', file), 'utf8').matchAll(call)].map(
        (m) => m[1],
      );
    const inPage = named('renderer/shell/app-menus.ts', /\bitem\(\s*'(\w+)'/g);
    const native = named('electron/shell/app-menu.ts', /\bitem\(\s*'[^']*',\s*'(\w+)'/g);
    expect(new Set(MENU_COMMANDS).size).toBe(MENU_COMMANDS.length);
    expect(new Set(inPage)).toEqual(new Set(MENU_COMMANDS));
    expect(native.length).toBeGreaterThan(20);
    expect(native.filter((c) => !isMenuCommand(c))).toEqual([]);
  });
});
