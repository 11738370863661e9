/**
 * The commands of the application menu. The in-page menu bar and Electron's native menu
 * (`window.bieu.onMenu`, electron/shell/app-menu.ts) send the same names, so one handler
 * serves both. The native menu sends a subset; `quit` is the in-page menu's only (the native
 * menu quits by itself).
 */
export const MENU_COMMANDS = [
  'home',
  'new',
  'newBlank',
  'open',
  'openSample',
  'saveAs',
  'rename',
  'reveal',
  'meta',
  'backups',
  'import',
  'export',
  'quit',
  'undo',
  'redo',
  'find',
  'tableAdd',
  'tableRename',
  'tableDuplicate',
  'tableUp',
  'tableDown',
  'tableDelete',
  'structure',
  'saveTemplate',
  'collectForms',
  'collectFiles',
  'history',
  'zoomIn',
  'zoomOut',
  'zoomReset',
  'theme',
  'about',
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
