/**
 * The commands of the application menu. The in-page menu bar and Electron's native menu
 * (`window.bieu.onMenu`, electron/shell/menu-commands.ts) send the same names, so one handler
 * serves both. `quit` is the in-page menu's only: the native menu quits by itself.
 */
export const MENU_COMMANDS = [
  'new',
  'open',
  'saveAs',
  'import',
  'export',
  'quit',
  'undo',
  'redo',
  'about',
] as const;

export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
