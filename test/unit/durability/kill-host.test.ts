/**
 * Nothing acknowledged is lost: the browser host is killed with SIGKILL at random moments while
 * figures are typed and while a large paste is stored, and every edit it had acknowledged is read
 * back (test/durability/kill-trial.ts says what each trial checks). Ten trials here, killed in turn
 * while typing, while the paste is stored and while typing after it; `npm run durability` runs
 * many more.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KILL_MOMENTS, buildHost, runKillTrial } from '../../durability/kill-trial';

let dir: string;
let bundle: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-kill-host-'));
  bundle = await buildHost(dir);
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the host killed at random moments', () => {
  it('keeps every acknowledged edit, in ten trials', async () => {
    const results = [];
    for (let trial = 0; trial < 10; trial++) {
      results.push(
        await runKillTrial({
          bundle,
          seed: 1000 + trial,
          killDuring: KILL_MOMENTS[trial % KILL_MOMENTS.length],
        }),
      );
    }
    expect(results.flatMap((r) => r.problems.map((p) => `seed ${r.seed}: ${p}`))).toEqual([]);
    // The trials did what they are for: edits, and pastes, were acknowledged before the kills.
    expect(results.reduce((n, r) => n + r.acknowledged, 0)).toBeGreaterThan(0);
    expect(results.some((r) => r.pasteAcknowledged)).toBe(true);
  }, 300_000);
});
