/**
 * Input as fast as a scanner or a typing tool sends it: every key and click is handed to Chromium
 * through the DevTools protocol at once, without waiting for the page to handle the one before —
 * so the page meets each key while it may still be busy with the move before it. (Playwright's
 * own keyboard waits for each key to be handled, which no fast typist does.)
 */
import type { CDPSession, Page } from '@playwright/test';

/** Keys by name; `key` when the event's key differs from the name ("Plus" is "+"). */
const NAMED: Record<string, { code: string; keyCode: number; text?: string; key?: string }> = {
  Tab: { code: 'Tab', keyCode: 9 },
  Enter: { code: 'Enter', keyCode: 13, text: '\r' },
  ArrowUp: { code: 'ArrowUp', keyCode: 38 },
  ArrowDown: { code: 'ArrowDown', keyCode: 40 },
  ArrowLeft: { code: 'ArrowLeft', keyCode: 37 },
  ArrowRight: { code: 'ArrowRight', keyCode: 39 },
  Home: { code: 'Home', keyCode: 36 },
  End: { code: 'End', keyCode: 35 },
  Delete: { code: 'Delete', keyCode: 46 },
  Plus: { code: 'Equal', keyCode: 187, key: '+' },
  Minus: { code: 'Minus', keyCode: 189, key: '-' },
  Space: { code: 'Space', keyCode: 32, key: ' ' },
  Equal: { code: 'Equal', keyCode: 187, key: '=' },
  a: { code: 'KeyA', keyCode: 65 },
  d: { code: 'KeyD', keyCode: 68 },
  r: { code: 'KeyR', keyCode: 82 },
  s: { code: 'KeyS', keyCode: 83 },
  y: { code: 'KeyY', keyCode: 89 },
  z: { code: 'KeyZ', keyCode: 90 },
};

/** CDP's modifier bits. */
const ALT = 1;
const CONTROL = 2;
const SHIFT = 8;

/**
 * One step: a named key with any of Control, Shift and Alt ("Tab", "Shift+Tab", "Enter",
 * "Control+Shift+ArrowDown"…), Ctrl+V (the browser's own paste from the clipboard), text, or a
 * click.
 */
export type FastStep = { key: string } | { text: string } | { click: { x: number; y: number } };

function keyEvents(cdp: CDPSession, combo: string): Promise<unknown>[] {
  if (combo === 'Control+v') {
    const v = { key: 'v', code: 'KeyV', windowsVirtualKeyCode: 86, modifiers: CONTROL };
    return [
      cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', commands: ['paste'], ...v }),
      cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...v }),
    ];
  }
  const parts = combo.split('+');
  const key = parts.pop() ?? '';
  const control = parts.includes('Control');
  const shift = parts.includes('Shift');
  const alt = parts.includes('Alt');
  const named = NAMED[key];
  if (!named || parts.some((p) => p !== 'Control' && p !== 'Shift' && p !== 'Alt'))
    throw new Error(`no such key in fast-input: ${combo}`);
  const base = {
    key: named.key ?? key,
    code: named.code,
    windowsVirtualKeyCode: named.keyCode,
    modifiers: (shift ? SHIFT : 0) | (control ? CONTROL : 0) | (alt ? ALT : 0),
  };
  return [
    cdp.send('Input.dispatchKeyEvent', {
      type: named.text ? 'keyDown' : 'rawKeyDown',
      text: named.text,
      ...base,
    }),
    cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base }),
  ];
}

function charEvents(cdp: CDPSession, ch: string): Promise<unknown>[] {
  const digit = /\d/.test(ch);
  const base = {
    key: ch,
    code: digit ? `Digit${ch}` : '',
    windowsVirtualKeyCode: digit ? ch.charCodeAt(0) : 0,
  };
  return [
    cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', text: ch, ...base }),
    cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base }),
  ];
}

function clickEvents(cdp: CDPSession, x: number, y: number): Promise<unknown>[] {
  const at = { x, y, button: 'left' as const, clickCount: 1 };
  return [
    cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y }),
    cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', buttons: 1, ...at }),
    cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', buttons: 0, ...at }),
  ];
}

/** Sends every step without a pause between them; resolves once Chromium has taken them all. */
export async function sendWithoutPause(page: Page, steps: FastStep[]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const sent: Promise<unknown>[] = [];
  for (const step of steps) {
    if ('key' in step) sent.push(...keyEvents(cdp, step.key));
    else if ('text' in step) for (const ch of step.text) sent.push(...charEvents(cdp, ch));
    else sent.push(...clickEvents(cdp, step.click.x, step.click.y));
  }
  await Promise.all(sent);
  await cdp.detach();
}
