/**
 * The menu bar's menus, from what is open: an item that cannot be used now says why (its
 * tooltip) instead of disappearing, so people learn where things are.
 */
import type { DocumentInfo } from '../../shared/api';
import { inElectron } from '../api-client';
import type { MessageKey } from '../i18n';
import type { Menu, MenuItem } from '../menu/MenuBar';
import type { ThemeName } from './view-settings';

interface MenuState {
  info: DocumentInfo | null;
  selectedTableId: number | null;
  structureOpen: boolean;
  historyOpen: boolean;
  theme: ThemeName;
}

export function appMenus({
  info,
  selectedTableId,
  structureOpen,
  historyOpen,
  theme,
}: MenuState): Menu[] {
  const needDocument: MessageKey | undefined = info ? undefined : 'menu.needDocument';
  const needWritable: MessageKey | undefined =
    needDocument ?? (info?.readOnly ? 'readOnly.cannot' : undefined);
  const index = info?.tables.findIndex((x) => x.id === selectedTableId) ?? -1;
  const needTable: MessageKey | undefined =
    needWritable ?? (index < 0 ? 'menu.needTable' : undefined);
  const item = (
    command: MenuItem['command'],
    label: MessageKey,
    disabledReason?: MessageKey,
    shortcut?: string,
  ): MenuItem => ({ command, label, disabledReason, shortcut });

  return [
    {
      id: 'file',
      label: 'menu.file',
      items: [
        item('home', 'menu.home', needDocument),
        item('new', 'menu.new'),
        item('newBlank', 'menu.newBlank'),
        item('open', 'menu.open'),
        item('openSample', 'menu.openSample'),
        item('saveAs', 'menu.saveAs', needDocument),
        item('rename', 'menu.rename', needWritable),
        item('reveal', 'menu.reveal', needDocument),
        item('meta', 'menu.meta', needDocument),
        item('backups', 'menu.backups', needDocument),
        item('import', 'menu.importExcel', needWritable),
        item('export', 'menu.exportExcel', needDocument),
        ...(inElectron() ? [item('quit', 'menu.quit')] : []),
      ],
    },
    {
      id: 'edit',
      label: 'menu.edit',
      items: [
        item('undo', 'menu.undo', info?.canUndo ? undefined : 'menu.nothingToUndo', 'Ctrl+Z'),
        item('redo', 'menu.redo', info?.canRedo ? undefined : 'menu.nothingToRedo', 'Ctrl+Y'),
        item('find', 'menu.find', needDocument, 'Ctrl+F'),
      ],
    },
    {
      id: 'table',
      label: 'menu.table',
      items: [
        item('tableAdd', 'menu.tableAdd', needWritable),
        item('tableRename', 'menu.tableRename', needTable),
        item('tableDuplicate', 'menu.tableDuplicate', needTable),
        item(
          'tableUp',
          'menu.tableUp',
          needTable ?? (index === 0 ? 'menu.alreadyFirst' : undefined),
        ),
        item(
          'tableDown',
          'menu.tableDown',
          needTable ?? (info && index === info.tables.length - 1 ? 'menu.alreadyLast' : undefined),
        ),
        item('tableDelete', 'menu.tableDelete', needTable),
        item(
          'structure',
          structureOpen ? 'menu.structureHide' : 'menu.structure',
          needDocument ?? (index < 0 ? 'menu.needTable' : undefined),
        ),
        item(
          'saveTemplate',
          'menu.saveTemplate',
          needDocument ?? (index < 0 ? 'menu.needTable' : undefined),
        ),
        item(
          'collectForms',
          'menu.collectForms',
          needDocument ?? (index < 0 ? 'menu.needTable' : undefined),
        ),
        item('collectFiles', 'menu.collectFiles', needTable),
      ],
    },
    {
      id: 'view',
      label: 'menu.view',
      items: [
        item('history', historyOpen ? 'menu.historyHide' : 'menu.history', needDocument),
        item('zoomIn', 'menu.zoomIn', undefined, 'Ctrl+='),
        item('zoomOut', 'menu.zoomOut', undefined, 'Ctrl+-'),
        item('zoomReset', 'menu.zoomReset', undefined, 'Ctrl+0'),
        item('theme', theme === 'dark' ? 'menu.themeLight' : 'menu.themeDark'),
      ],
    },
    { id: 'help', label: 'menu.help', items: [item('about', 'menu.about')] },
  ];
}
