/**
 * The renderer's only way to reach the Node side (docs/architecture.md, "The layers").
 * Components call `call('cells.set', …)` and never learn which transport carried it.
 */
import type { CallInput, CallName, CallOutput, Reply } from '../shared/api';
import { t } from './i18n';
import { isMenuCommand, type MenuCommand } from '../shared/menu-commands';

/** What Electron's preload script exposes through contextBridge (absent in the browser). */
interface PreloadBridge {
  invoke(name: string, input: unknown): Promise<Reply<unknown>>;
  onMenu?(callback: (command: string) => void): (() => void) | void;
}

declare global {
  interface Window {
    bieu?: PreloadBridge;
  }
}

const TOKEN_KEY = 'bieu.token';

/**
 * The browser host's per-run token. It arrives once in the page URL; we keep it in
 * sessionStorage (so a reload still works) and take it out of the address bar so it is not
 * copied, bookmarked or shown in a screenshot.
 */
function hostToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

let token: string | null = null;

async function invokeOverHttp(name: CallName, input: unknown): Promise<Reply<unknown>> {
  token ??= hostToken();
  let response: Response;
  try {
    response = await fetch(`./api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Bieu-Token': token },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return {
      ok: false,
      error: 'Không kết nối được với Biểu. Máy chủ cục bộ có còn chạy không?',
      code: 'failed',
    };
  }
  const text = await response.text();
  try {
    return JSON.parse(text) as Reply<unknown>;
  } catch {
    // The host answers refusals (wrong token, wrong Host) in plain Vietnamese text.
    return { ok: false, error: text || `Lỗi ${response.status}`, code: 'failed' };
  }
}

/** A refused call: the host's Vietnamese sentence, and its kind (`UserError` codes). */
export class CallError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'CallError';
  }
}

/** Call the Node side. Resolves with the call's output; rejects with a CallError whose message
 * is the host's Vietnamese error text, ready to show to the user. */
export async function call<N extends CallName>(
  name: N,
  input: CallInput<N>,
): Promise<CallOutput<N>> {
  const reply = window.bieu?.invoke
    ? await window.bieu.invoke(name, input)
    : await invokeOverHttp(name, input);
  if (!reply.ok) throw new CallError(reply.error, reply.code);
  return reply.value as CallOutput<N>;
}

/** What to tell the person about a failure. */
export function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : t('error.unknown');
}

/** True when running inside Electron (the preload bridge is present). */
export function inElectron(): boolean {
  return typeof window.bieu?.invoke === 'function';
}

/**
 * Subscribe to the Electron native menu's commands. In the browser there is no native menu, so
 * this does nothing and the in-page menu bar is the only source of commands.
 */
export function onMenuCommand(callback: (command: MenuCommand) => void): () => void {
  const unsubscribe = window.bieu?.onMenu?.((command) => {
    // The bridge carries plain strings; ignore any the renderer does not know.
    if (isMenuCommand(command)) callback(command);
  });
  return typeof unsubscribe === 'function' ? unsubscribe : () => {};
}
