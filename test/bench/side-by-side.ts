/**
 * Measuring a path beside its floor, in the same run: the machine is shared and noisy, so a
 * figure alone says little; the ratio to a floor measured round by round (alternated, so both
 * see the same machine state) is what compares across runs. One warm-up round, then five.
 */

export interface Stats {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export interface SideBySide {
  subject: Stats;
  floor: Stats;
  /** Per round, subject / floor. */
  ratio: Stats;
}

export function stats(xs: readonly number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1], runs: s.length };
}

export async function timed(f: () => unknown): Promise<number> {
  const start = performance.now();
  await f();
  return performance.now() - start;
}

/**
 * `rounds` measured rounds after one warm-up; each round runs `prepare` (not timed), then the
 * floor and the subject on what it prepared.
 */
export async function sideBySide<P>(
  prepare: (round: number) => Promise<P> | P,
  floor: (p: P) => unknown,
  subject: (p: P) => unknown,
  rounds = 5,
): Promise<SideBySide> {
  const floors: number[] = [];
  const subjects: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    const a = await prepare(round);
    const f = await timed(() => floor(a));
    const b = await prepare(round);
    const s = await timed(() => subject(b));
    if (round === 0) continue;
    floors.push(f);
    subjects.push(s);
  }
  return {
    subject: stats(subjects),
    floor: stats(floors),
    ratio: stats(subjects.map((s, i) => s / floors[i])),
  };
}

export function ms(x: number): string {
  return x < 10 ? x.toFixed(2) : x.toFixed(0);
}

function range(s: Stats, unit: string, f: (x: number) => string): string {
  return `median ${f(s.median)}${unit} (min ${f(s.min)}, max ${f(s.max)})`;
}

/** One row of the table: the path, its floor, the ratio and the goal. */
export function printRow(what: string, r: SideBySide, floorIs: string, goal: string): void {
  console.log(`■ ${what}`);
  console.log(`    Biểu   ${range(r.subject, ' ms', ms)}, ${r.subject.runs} runs`);
  console.log(`    floor  ${range(r.floor, ' ms', ms)} — ${floorIs}`);
  console.log(`    ratio  ${range(r.ratio, '×', (x) => x.toFixed(2))}; goal ${goal}`);
}
