/**
 * The commands the native menu sends to the renderer. The renderer runs the same actions from its
 * own in-page menu, so the browser host and Electron behave alike; the menu only says which.
 */
export const MENU_COMMANDS = [
  'new',
  'open',
  'saveAs',
  'import',
  'export',
  'undo',
  'redo',
  'about',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const MENU_CHANNEL = 'bieu:menu';
export const INVOKE_CHANNEL = 'bieu:invoke';
