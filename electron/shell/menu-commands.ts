/** The IPC channels of the shell. The menu's command names are shared/menu-commands.ts. */
export const MENU_CHANNEL = 'bieu:menu';
export const INVOKE_CHANNEL = 'bieu:invoke';
