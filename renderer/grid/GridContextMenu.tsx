/**
 * The right-click menu of the grid, with the commands an Excel user reaches for there: cut, copy,
 * paste, insert or delete rows and columns, clear the contents, and — Biểu's own — the role of the
 * selected rows in the table's arithmetic. What it offers depends on where the click was: a cell
 * gets everything, a row number the row commands, a column letter the column commands. Arrows
 * move through it, Enter runs, Esc closes and gives the keyboard back to the grid.
 */
import { useLayoutEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { RowRole } from '../../shared/model';
import { t } from '../i18n';
import type { MenuAction } from './grid-commands';

/** Where the menu was opened: on a cell, a row number, or a column letter. */
export type MenuTarget = 'cell' | 'row' | 'column';

export interface GridMenuState {
  x: number;
  y: number;
  on: MenuTarget;
  /** How many rows and columns the selection spans, for the items' wording. */
  rows: number;
  columns: number;
  /** The role of the selected rows when they share one. */
  role: RowRole | null;
}

interface GridContextMenuProps {
  menu: GridMenuState;
  onCopy(cut: boolean): void;
  onPaste(): void;
  onClear(): void;
  onFillTotals(): void;
  onStructure(action: MenuAction): void;
  onClose(): void;
}

interface Item {
  id: string;
  label: string;
  shortcut?: string;
  checked?: boolean;
  run(): void;
}

const ROLES: RowRole[] = ['detail', 'group', 'subtotal', 'total'];

export function GridContextMenu(props: GridContextMenuProps) {
  const { menu, onClose } = props;
  const box = useRef<HTMLDivElement>(null);

  const sections: Item[][] = [
    [
      { id: 'cut', label: t('gridMenu.cut'), shortcut: 'Ctrl+X', run: () => props.onCopy(true) },
      { id: 'copy', label: t('gridMenu.copy'), shortcut: 'Ctrl+C', run: () => props.onCopy(false) },
      { id: 'paste', label: t('gridMenu.paste'), shortcut: 'Ctrl+V', run: props.onPaste },
    ],
  ];
  if (menu.on !== 'column')
    sections.push([
      {
        id: 'insertRowsAbove',
        label: t('gridMenu.insertRowsAbove', { count: menu.rows }),
        run: () => props.onStructure({ kind: 'insertRows', where: 'above' }),
      },
      {
        id: 'insertRowsBelow',
        label: t('gridMenu.insertRowsBelow', { count: menu.rows }),
        run: () => props.onStructure({ kind: 'insertRows', where: 'below' }),
      },
      {
        id: 'deleteRows',
        label: t('gridMenu.deleteRows', { count: menu.rows }),
        run: () => props.onStructure({ kind: 'deleteRows' }),
      },
    ]);
  if (menu.on !== 'row')
    sections.push([
      {
        id: 'insertColumnLeft',
        label: t('gridMenu.insertColumnLeft'),
        run: () => props.onStructure({ kind: 'insertColumn', where: 'left' }),
      },
      {
        id: 'insertColumnRight',
        label: t('gridMenu.insertColumnRight'),
        run: () => props.onStructure({ kind: 'insertColumn', where: 'right' }),
      },
      {
        id: 'deleteColumns',
        label: t('gridMenu.deleteColumns', { count: menu.columns }),
        run: () => props.onStructure({ kind: 'deleteColumns' }),
      },
    ]);
  sections.push([
    { id: 'clear', label: t('gridMenu.clear'), shortcut: 'Delete', run: props.onClear },
    {
      id: 'fillTotals',
      label: t('gridMenu.fillTotals'),
      shortcut: 'Alt+=',
      run: props.onFillTotals,
    },
  ]);
  if (menu.on !== 'column')
    sections.push(
      ROLES.map((role) => ({
        id: `role-${role}`,
        label: t('gridMenu.role', { role: t(`structure.role.${role}`) }),
        checked: menu.role === role,
        run: () => props.onStructure({ kind: 'setRole', role }),
      })),
    );

  // Opened: the first item takes the keyboard, and the menu stays inside the window.
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const { innerWidth, innerHeight } = window;
    const rect = element.getBoundingClientRect();
    element.style.left = `${Math.max(0, Math.min(menu.x, innerWidth - rect.width - 4))}px`;
    element.style.top = `${Math.max(0, Math.min(menu.y, innerHeight - rect.height - 4))}px`;
    element.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
  }, [menu]);

  // A press anywhere else closes it, as any menu.
  useLayoutEffect(() => {
    const away = (event: globalThis.MouseEvent) => {
      if (!box.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away, true);
    return () => window.removeEventListener('mousedown', away, true);
  }, [onClose]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const items = Array.from(
      box.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [],
    );
    const at = items.indexOf(document.activeElement as HTMLElement);
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0) {
      items[(at + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      items[event.key === 'Home' ? 0 : items.length - 1]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      onClose();
    } else return;
    event.preventDefault();
    event.stopPropagation();
  };

  // On the page itself, not inside the grid: the grid's own mouse and focus handling stays out.
  return createPortal(
    <div
      ref={box}
      role="menu"
      aria-label={t('gridMenu.label')}
      className="menu-popup grid-menu"
      data-testid="grid-menu"
      style={{ left: menu.x, top: menu.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {sections.map((items, index) => (
        <div key={index} role="group" className="grid-menu-section">
          {items.map((item) => (
            <button
              key={item.id}
              type="button"
              role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
              aria-checked={item.checked}
              // Named by what it does; the key that does the same is its shortcut, not its name.
              aria-label={item.label}
              aria-keyshortcuts={item.shortcut?.replace('Ctrl', 'Control')}
              className="menu-item"
              data-item={item.id}
              onClick={() => {
                onClose();
                item.run();
              }}
            >
              <span>{item.label}</span>
              {item.shortcut && <kbd>{item.shortcut}</kbd>}
            </button>
          ))}
        </div>
      ))}
    </div>,
    document.body,
  );
}
