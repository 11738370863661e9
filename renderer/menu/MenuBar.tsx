/**
 * The menu bar drawn in the page, with the same commands as Electron's native menu. It follows
 * the WAI-ARIA menubar pattern closely enough for keyboard use: Enter/Space or ↓ opens a menu,
 * ↑/↓ move within it, ←/→ move between menus, Escape closes and returns focus.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { setLanguage, t, useLanguage, LANGUAGES, type Language, type MessageKey } from '../i18n';
import type { MenuCommand } from '../../shared/menu-commands';

export interface MenuItem {
  command: MenuCommand;
  label: MessageKey;
  shortcut?: string;
  /** Why the item cannot be used now; the item shows this as its tooltip. */
  disabledReason?: MessageKey;
}

export interface Menu {
  id: string;
  label: MessageKey;
  items: MenuItem[];
}

interface MenuBarProps {
  menus: Menu[];
  onCommand(command: MenuCommand): void;
}

export function MenuBar({ menus, onCommand }: MenuBarProps) {
  const current = useLanguage();
  const [openIndex, setOpenIndex] = useState<number | null>(null);
  const bar = useRef<HTMLDivElement>(null);

  // Close on a click anywhere outside the bar.
  useEffect(() => {
    if (openIndex === null) return;
    const close = (event: MouseEvent) => {
      if (!bar.current?.contains(event.target as Node)) setOpenIndex(null);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [openIndex]);

  // Opening a menu puts focus on its first item, as keyboard users expect.
  useEffect(() => {
    if (openIndex === null) return;
    bar.current
      ?.querySelector<HTMLElement>(`#menu-${menus[openIndex].id} [role="menuitem"]`)
      ?.focus();
  }, [openIndex, menus]);

  const focusTrigger = (index: number) =>
    bar.current?.querySelector<HTMLElement>(`#menubutton-${menus[index].id}`)?.focus();

  const run = (item: MenuItem) => {
    if (item.disabledReason) return;
    const index = openIndex;
    setOpenIndex(null);
    if (index !== null) focusTrigger(index);
    onCommand(item.command);
  };

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>, index: number) => {
    const items = Array.from(
      event.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]'),
    );
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => items[(to + items.length) % items.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        move(at + 1);
        break;
      case 'ArrowUp':
        move(at - 1);
        break;
      case 'ArrowRight':
        setOpenIndex((index + 1) % menus.length);
        break;
      case 'ArrowLeft':
        setOpenIndex((index - 1 + menus.length) % menus.length);
        break;
      case 'Escape':
      case 'Tab':
        setOpenIndex(null);
        focusTrigger(index);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <header className="menu-bar">
      <span className="app-mark" aria-hidden="true">
        {t('app.name')}
      </span>
      <div role="menubar" aria-label={t('menu.label')} ref={bar} className="menus">
        {menus.map((menu, index) => (
          <div key={menu.id} className="menu">
            <button
              type="button"
              id={`menubutton-${menu.id}`}
              role="menuitem"
              aria-haspopup="menu"
              aria-expanded={openIndex === index}
              aria-controls={`menu-${menu.id}`}
              className="menu-trigger"
              onClick={() => setOpenIndex(openIndex === index ? null : index)}
              onMouseEnter={() => openIndex !== null && setOpenIndex(index)}
              onKeyDown={(event) => {
                if (event.key === 'ArrowDown') {
                  event.preventDefault();
                  setOpenIndex(index);
                }
              }}
            >
              {t(menu.label)}
            </button>
            {openIndex === index && (
              <div
                role="menu"
                id={`menu-${menu.id}`}
                aria-labelledby={`menubutton-${menu.id}`}
                className="menu-popup"
                onKeyDown={(event) => onMenuKey(event, index)}
              >
                {menu.items.map((item) => (
                  <button
                    key={item.command}
                    type="button"
                    role="menuitem"
                    className="menu-item"
                    data-command={item.command}
                    aria-disabled={item.disabledReason ? 'true' : undefined}
                    title={item.disabledReason ? t(item.disabledReason) : undefined}
                    onClick={() => run(item)}
                  >
                    <span>{t(item.label)}</span>
                    {item.shortcut && <kbd>{item.shortcut}</kbd>}
                  </button>
                ))}
              </div>
            )}
          </div>
        ))}
      </div>
      <label className="language-switch">
        <span>{t('language.label')}</span>
        <select value={current} onChange={(event) => setLanguage(event.target.value as Language)}>
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {t(code === 'vi' ? 'language.vi' : 'language.en')}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
