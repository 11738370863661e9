/**
 * The only bridge between the sandboxed renderer and the Node side: one typed `invoke` for the
 * API contract and a listener for menu commands. Nothing else of Electron or Node is exposed.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { INVOKE_CHANNEL, MENU_CHANNEL } from './menu-commands';

contextBridge.exposeInMainWorld('bieu', {
  invoke: (name: string, input: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, name, input),
  onMenu: (callback: (command: string) => void) => {
    const listener = (_event: IpcRendererEvent, command: string) => callback(command);
    ipcRenderer.on(MENU_CHANNEL, listener);
    return () => ipcRenderer.removeListener(MENU_CHANNEL, listener);
  },
});
