/**
 * `npm run durability [-- --trials N] [--seed S]`: many kill trials (kill-trial.ts), killed in
 * turn while typing, while pasting and while typing after a paste; prints one line per trial and exits 1 when any promise
 * was broken, naming the seed to run it again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KILL_MOMENTS, buildHost, runKillTrial } from './kill-trial';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

async function main(): Promise<number> {
  const trials = option('--trials', 100);
  const firstSeed = option('--seed', Date.now() % 100000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-durability-'));
  let broken = 0;
  let acknowledged = 0;
  let pastes = 0;
  try {
    const bundle = await buildHost(dir);
    for (let i = 0; i < trials; i++) {
      const seed = firstSeed + i;
      const r = await runKillTrial({
        bundle,
        seed,
        killDuring: KILL_MOMENTS[i % KILL_MOMENTS.length],
      });
      acknowledged += r.acknowledged;
      if (r.pasteAcknowledged) pastes++;
      if (r.problems.length) broken++;
      console.log(
        `${r.problems.length ? 'HỎNG' : 'ổn  '} seed ${seed} (${r.killDuring}): ` +
          `${r.acknowledged} ô đã xác nhận, dán ${r.pasteAcknowledged ? 'đã xác nhận' : r.pasteStored ? 'đã lưu' : 'chưa lưu'}` +
          r.problems.map((p) => `\n    ${p}`).join(''),
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `${trials} lần thử: ${broken} hỏng; ${acknowledged} ô và ${pastes} lần dán đã xác nhận đều được đọc lại.`,
  );
  return broken ? 1 : 0;
}

main().then((code) => (process.exitCode = code));
