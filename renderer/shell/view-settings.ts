/**
 * How this window shows things, remembered across restarts on this machine: the grid's zoom and
 * the light or dark theme. The theme is one attribute on <html>: our CSS variables and AG Grid's
 * theme modes both follow it.
 */
import { useSyncExternalStore } from 'react';

export type ThemeName = 'light' | 'dark';

export interface ViewSettings {
  zoom: number;
  theme: ThemeName;
}

export const ZOOM_STEPS = [0.7, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2] as const;
const STORAGE_KEY = 'bieu.view';
const listeners = new Set<() => void>();

function read(): ViewSettings {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<ViewSettings>;
    const zoom = ZOOM_STEPS.includes(saved.zoom as (typeof ZOOM_STEPS)[number]) ? saved.zoom! : 1;
    return { zoom, theme: saved.theme === 'dark' ? 'dark' : 'light' };
  } catch {
    return { zoom: 1, theme: 'light' };
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
