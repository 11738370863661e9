/**
 * How this window shows things, remembered across restarts on this machine: the grid's zoom, the
 * light or dark theme, the height of the checks panel, and whether the status bar has explained
 * that Biểu saves by itself. The theme is one attribute on <html>: our CSS variables and AG Grid's
 * theme modes both follow it.
 */
import { useSyncExternalStore } from 'react';

export type ThemeName = 'light' | 'dark';

export interface ViewSettings {
  zoom: number;
  theme: ThemeName;
  /** The checks panel's height in pixels (PanelSplitter). */
  checksHeight: number;
  /** The status bar has said, in a session where something was saved, that saving is automatic. */
  autosaveExplained: boolean;
}

/** The checks panel shows a few findings at least, and never takes the grid's whole room. */
export const CHECKS_HEIGHT = { min: 90, max: 700, initial: 240 } as const;

export const ZOOM_STEPS = [0.7, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2] as const;
const STORAGE_KEY = 'bieu.view';
const listeners = new Set<() => void>();

function read(): ViewSettings {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<ViewSettings>;
    const zoom = ZOOM_STEPS.includes(saved.zoom as (typeof ZOOM_STEPS)[number]) ? saved.zoom! : 1;
    const h = saved.checksHeight;
    const checksHeight =
      typeof h === 'number' && h >= CHECKS_HEIGHT.min && h <= CHECKS_HEIGHT.max
        ? h
        : CHECKS_HEIGHT.initial;
    return {
      zoom,
      theme: saved.theme === 'dark' ? 'dark' : 'light',
      checksHeight,
      autosaveExplained: saved.autosaveExplained === true,
    };
  } catch {
    return {
      zoom: 1,
      theme: 'light',
      checksHeight: CHECKS_HEIGHT.initial,
      autosaveExplained: false,
    };
  }
}

let current = read();
apply(current);

function apply(settings: ViewSettings): void {
  document.documentElement.dataset.theme = settings.theme;
  document.documentElement.dataset.agThemeMode = settings.theme;
}

export function viewSettings(): ViewSettings {
  return current;
}

export function updateView(change: Partial<ViewSettings>): void {
  current = { ...current, ...change };
  apply(current);
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(current));
  } catch {
    // not remembered across restarts; it still applies now
  }
  for (const listener of listeners) listener();
}

/** The next zoom step up (+1) or down (−1) from the current one. */
export function stepZoom(direction: 1 | -1): void {
  const index = ZOOM_STEPS.indexOf(current.zoom as (typeof ZOOM_STEPS)[number]);
  const next = ZOOM_STEPS[Math.max(0, Math.min(ZOOM_STEPS.length - 1, index + direction))];
  updateView({ zoom: next });
}

export function useViewSettings(): ViewSettings {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
