/**
 * The hostile-input corpus (test/hostile/build-corpus.ts) through `bieu check` and `bieu import`
 * as a user runs them: each file is read, or refused with one Vietnamese sentence naming it,
 * within 10 s and 500 MB of peak memory measured on the `bieu` process itself; and a refused
 * import leaves no document behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  buildCorpus,
  otherFormatCases,
  xlsxCases,
  type HostileCase,
} from '../hostile/build-corpus';
import { buildCli, runCli, type CliRun } from '../hostile/run-cli';
import { InProcessApi } from './helpers/api-harness';

const TIME_MS = 10_000;
const ALL = [...xlsxCases, ...otherFormatCases];
const MEMORY_MB = 500;

let dir: string;
let cases: (HostileCase & { file: string })[];
beforeAll(() => {
  buildCli();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-hostile-'));
  cases = buildCorpus(path.join(dir, 'corpus'), ALL);
}, 120_000);
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** One sentence on stderr, naming the file, in Vietnamese, without a program's internals. */
function expectOneSentence(run: CliRun, name: string): void {
  const text = run.stderr.trim();
  expect(text, 'one line').not.toMatch(/\n/);
  expect(text).toContain(`«${name}»`);
  expect(text).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
  expect(text).not.toMatch(/\b(Error|Bug|Corrupted|undefined|null|NaN|heap|stack)\b|\.cjs|\bat \w/);
}

describe('the hostile-input corpus', () => {
  for (const c of ALL) {
    it(`${c.what} (${c.name}): ${c.outcome === 'refused' ? 'refused' : 'read or refused'} with one sentence in 10 s and 500 MB`, async () => {
      const { file } = cases.find((k) => k.name === c.name)!;
      const run = await runCli(['check', file, '--json'], { killAfterMs: 30_000 });
      expect(run.signal, 'killed: it ran past 30 s').toBeNull();
      // The work of the process, not the wall clock the other jobs on a shared machine slow down.
      expect(run.cpuMs).toBeLessThan(TIME_MS);
      expect(run.maxRssMb).toBeLessThan(MEMORY_MB);
      if (c.never) expect(run.stdout + run.stderr).not.toContain(c.never);
      if (run.code === 2) {
        expect(c.outcome, `refused: ${run.stderr}`).not.toBe('read');
        expectOneSentence(run, c.name);
        if (c.says) expect(run.stderr).toMatch(c.says);
      } else {
        expect(c.outcome, `read, but should be refused`).not.toBe('refused');
        expect(run.stderr).toBe('');
        expect(JSON.parse(run.stdout).version).toBe(1);
      }

      // `bieu import` of a refused file creates no document and changes none.
      if (run.code === 2) {
        const target = path.join(dir, `${c.name}.bieu`);
        const imported = await runCli(['import', file, '--into', target], { killAfterMs: 30_000 });
        expect(imported.code).toBe(2);
        expectOneSentence(imported, c.name);
        expect(fs.existsSync(target), 'no document left behind').toBe(false);
        expect(fs.readdirSync(dir).filter((f) => f.startsWith(c.name))).toEqual([]);
      }
    }, 60_000);
  }
});

describe('the hostile-input corpus through Tệp › Nhập… (import.start)', () => {
  let home: string;
  const api = new InProcessApi(() => home);
  beforeAll(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-hostile-api-'));
    api.start();
  });
  afterAll(() => {
    api.app.session.close();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('every refused file fails its job with one sentence, and the open document keeps its tables', async () => {
    const before = (await api.call('document.current', {}))!.tables.map((t) => t.name);
    for (const c of cases.filter((k) => k.outcome === 'refused')) {
      const job = await api.call('import.start', { path: c.file });
      let status = job;
      for (let i = 0; status.state === 'running' && i < 400; i++) {
        await new Promise((r) => setTimeout(r, 25));
        status = await api.call('job.status', { jobId: job.jobId });
      }
      expect(status.state, c.name).toBe('failed');
      expect(status.error, c.name).toContain(`«${c.name}»`);
      expect(status.error, c.name).not.toMatch(/\n|Lỗi nội bộ/);
    }
    const after = (await api.call('document.current', {}))!.tables.map((t) => t.name);
    expect(after).toEqual(before);
  }, 120_000);
});
