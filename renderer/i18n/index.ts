/**
 * The message catalogue: `t('menu.new')` gives the string in the chosen language. Vietnamese is
 * the default; the choice is remembered in localStorage. Components that render text call
 * `useLanguage()` so they re-render when the language changes.
 */
import { useSyncExternalStore } from 'react';
import { en } from './en';
import { vi, type Catalogue, type MessageKey } from './vi';

export type { MessageKey } from './vi';
export type Language = 'vi' | 'en';
export const LANGUAGES: readonly Language[] = ['vi', 'en'];

const catalogues: Record<Language, Catalogue> = { vi, en };
const STORAGE_KEY = 'bieu.language';
const listeners = new Set<() => void>();

function storedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return saved === 'en' || saved === 'vi' ? saved : 'vi';
  } catch {
    return 'vi'; // storage can be unavailable (privacy settings); Vietnamese is the default anyway
  }
}

let current: Language = storedLanguage();
document.documentElement.lang = current;

export function language(): Language {
  return current;
}

export function setLanguage(next: Language): void {
  if (next === current) return;
  current = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // not remembered across restarts; the switch still applies now
  }
  for (const listener of listeners) listener();
}

/** The current language, re-rendering the calling component when it changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

function fill(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The message for `key`, with `{name}` placeholders replaced from `params`. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return fill(catalogues[current][key], params);
}

/**
 * A sentence written INTO the document (the history's "Sửa ô C8", "Dán 12 ô"): always in
 * Vietnamese, the language of the document and of everyone who will read its history, whatever
 * language this window shows.
 */
export function tDocument(key: MessageKey, params?: Record<string, string | number>): string {
  return fill(vi[key], params);
}
