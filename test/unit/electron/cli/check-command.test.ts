/**
 * `bieu check` only reads: not one byte of a document changes and no file appears beside it — a
 * rollback-journal document stays rollback-journal, whether the check passes, finds errors or
 * cannot read the file, and a document someone else is editing gains no -wal/-shm.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../../../electron/cli/check-command';
import { lockPathFor } from '../../../../electron/store/document-lock';
import { listDir, sha256, useWorkspace } from '../../helpers/store-helpers';

const ws = useWorkspace();

async function check(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCheck(
    args,
    (s) => (out += `${s}\n`),
    (s) => (err += `${s}\n`),
  );
  return { code, out, err };
}

/** Byte 18 of the header: 1 for a rollback journal, 2 for WAL. */
const journalByte = (file: string) => fs.readFileSync(file)[18];

/** The sample in rollback-journal mode, as another tool or an older copy may leave it. */
function rollbackJournalSample(name: string): string {
  const file = ws.file(name);
  if (!fs.existsSync(file)) ws.createSample(name).close();
  const raw = new Database(file);
  raw.pragma('journal_mode = DELETE');
  raw.close();
  expect(journalByte(file)).toBe(1);
  return file;
}

/** Run the check and expect the folder and the file exactly as they were. */
async function expectUntouched(file: string, code: number): Promise<string> {
  const hash = sha256(file);
  const files = listDir(ws.dir);
  const r = await check(file, '--json');
  expect(r.code).toBe(code);
  expect(sha256(file)).toBe(hash);
  expect(listDir(ws.dir)).toEqual(files);
  return code === 2 ? r.err : r.out;
}

describe('bieu check changes nothing', () => {
  it('a rollback-journal document that passes stays rollback-journal, byte for byte', async () => {
    const file = rollbackJournalSample('dung.bieu');
    const out = await expectUntouched(file, 0);
    expect(JSON.parse(out).summary).toMatchObject({ files: 1, errors: 0 });
    expect(journalByte(file)).toBe(1);
  });

  it('nor when the check finds errors', async () => {
    const store = ws.createSample('sai.bieu');
    const t = store.tableByName('CDHT theo nhóm')!;
    const c = t.columns.findIndex((x) => x.code === '1');
    store.setCells([{ tableId: t.id, rowId: t.rows[0].id, columnId: t.columns[c].id, value: 7 }]);
    store.close();
    const file = rollbackJournalSample('sai.bieu');
    const out = await expectUntouched(file, 1);
    expect(JSON.parse(out).summary.errors).toBeGreaterThan(0);
    expect(journalByte(file)).toBe(1);
  });

  it('nor when the document cannot be used', async () => {
    const file = rollbackJournalSample('cau-truc-sai.bieu');
    const raw = new Database(file);
    raw.exec('DROP TABLE user_rules');
    raw.close();
    const err = await expectUntouched(file, 2);
    expect(err.trim()).toMatch(
      /^Tệp «cau-truc-sai\.bieu» là tài liệu Biểu .* thiếu bảng «user_rules», nên Biểu không mở và không ghi gì vào tệp này\.$/,
    );
    expect(journalByte(file)).toBe(1);
  });

  it("a read-only document beside another machine's lock gains no -wal/-shm", async () => {
    const store = ws.createSample('dang-sua.bieu');
    const file = store.path;
    store.close();
    fs.writeFileSync(
      lockPathFor(file),
      JSON.stringify({
        pid: 4242,
        host: 'may-ke-toan',
        user: 'ketoan',
        time: new Date().toISOString(),
        token: 't',
      }),
    );
    fs.chmodSync(file, 0o444);
    try {
      await expectUntouched(file, 0);
    } finally {
      fs.chmodSync(file, 0o644);
    }
  });

  it('reads what is committed in the -wal of a document open elsewhere, leaving both files', async () => {
    const store = ws.createSample('dang-mo.bieu');
    const t = store.tableByName('CDHT theo nhóm')!;
    const c = t.columns.findIndex((x) => x.code === '1');
    const old = t.rows[0].cells[c];
    store.setCells([
      { tableId: t.id, rowId: t.rows[0].id, columnId: t.columns[c].id, value: 99999 },
    ]);
    expect(fs.statSync(`${store.path}-wal`).size).toBeGreaterThan(0);
    const walHash = sha256(`${store.path}-wal`);
    const out = await expectUntouched(store.path, 1);
    // The slip typed in the open document is what the check reports.
    const findings = JSON.parse(out).findings as { expected: number; actual: number }[];
    expect(findings.some((f) => f.expected - f.actual === 99999 - (old as number))).toBe(true);
    expect(sha256(`${store.path}-wal`)).toBe(walHash);
  });
});
