/**
 * The `bieu` command as a user runs it: the built bundle, real files, real exit codes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DocumentStore } from '../../../../electron/store/document-store';
import { loadTemplate, tableFromTemplate } from '../../../../electron/store/templates';
import { bootstrap } from '../../../../electron/app-bootstrap';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const cli = path.join(root, 'dist', 'node', 'cli.cjs');
let dir: string;

function bieu(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, BIEU_HOME: dir },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  // The CLI is tested as shipped: build the bundle once if this run has not built it.
  execFileSync(process.execPath, [path.join(root, 'electron/scripts/build-node.mjs')], {
    stdio: 'ignore',
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-cli-'));
});

function makeDoc(name: string): { file: string; store: DocumentStore } {
  const file = path.join(dir, name);
  const store = DocumentStore.create(file, [
    tableFromTemplate(loadTemplate('dan-so-tham-gia')),
    tableFromTemplate(loadTemplate('cdht-theo-nhom')),
  ]);
  return { file, store };
}

describe('bieu check', () => {
  it('reports the slip planted in the sample document, with the one-cell fix', () => {
    // The first start (any host) makes the sample; `serve` is how a user first meets it.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'bieu-sample-'));
    const started = bootstrap({ env: { BIEU_HOME: home } });
    const sample = started.session.info().path;
    started.session.close();
    expect(path.basename(sample)).toBe('Mau-bao-cao.bieu');

    const r = bieu('check', sample, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const byKind = Object.fromEntries(report.findings.map((f: { kind: string }) => [f.kind, f]));
    expect(report.findings).toHaveLength(2);
    // The rate of Thị trấn Lộc Ninh no longer matches 1.329 / 10.450, and the total misses by 90.
    expect(byKind['ratio']).toMatchObject({ severity: 'error', actual: 11.86, expected: 12.72 });
    expect(byKind['column-total']).toMatchObject({ actual: 5049, expected: 5139, difference: -90 });
    for (const f of report.findings) {
      expect(f.suggestion).toMatchObject({ value: 1239 });
      expect(f.suggestion.cell).toBe(byKind['ratio'].cells[1]);
    }
  });

  it('passes a consistent document: exit 0, no findings', () => {
    const { file, store } = makeDoc('dung.bieu');
    store.close();
    const r = bieu('check', file, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.version).toBe(1);
    expect(report.inputs.map((i: { table: string }) => i.table)).toHaveLength(2);
    expect(report.findings).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('reports a broken row formula in the finding format, exit 1', () => {
    const { file, store } = makeDoc('sai.bieu');
    const table = store.getTable(store.tableByName('Dân số và tỷ lệ tham gia')!.id);
    const band = table.columns.findIndex((c) => c.code === '2');
    const row = table.rows[0];
    const old = row.cells[band] as number;
    store.setCells([
      { tableId: table.id, rowId: row.id, columnId: table.columns[band].id, value: old + 1 },
    ]);
    store.close();

    const r = bieu('check', file, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const f = report.findings.find((x: { kind: string }) => x.kind === 'row-formula');
    expect(f).toBeDefined();
    for (const key of [
      'id',
      'severity',
      'kind',
      'cause',
      'table',
      'sheet',
      'cell',
      'cells',
      'expected',
      'actual',
      'difference',
      'message',
      'suggestion',
    ]) {
      expect(f).toHaveProperty(key);
    }
    expect(f.severity).toBe('error');
    expect(f.difference).toBe(f.actual - f.expected);
    expect(Math.abs(f.difference)).toBe(1);
    expect(f.message).toMatch(/phải bằng/);
    // Human output says the same thing in a sentence.
    const human = bieu('check', file);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('LỖI');
  });

  it('refuses a file that is not a Biểu document: exit 2, one sentence naming it', () => {
    const file = path.join(dir, 'ghi-chu.bieu');
    fs.writeFileSync(file, 'chỉ là văn bản');
    const r = bieu('check', file, '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ghi-chu.bieu');
    expect(r.stderr).not.toMatch(/at .*\(.*:\d+:\d+\)/); // no stack trace
    expect(fs.readFileSync(file, 'utf8')).toBe('chỉ là văn bản');
  });

  it('explains usage errors with exit 2', () => {
    expect(bieu('check').code).toBe(2);
    const unknown = bieu('check', 'x.bieu', '--jsn');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--jsn');
    expect(bieu('frobnicate').stderr).toContain('Không có lệnh');
  });
});
