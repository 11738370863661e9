/** Debian's Chromium, which the e2e tests drive (Playwright's own download is not reachable). */
import { execFileSync } from 'node:child_process';

export function chromiumPath(): string {
  try {
    const found = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
    if (found) return found;
  } catch {
    // `which` prints nothing and fails when chromium is not on PATH
  }
  return '/usr/bin/chromium';
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
