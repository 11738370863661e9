/**
 * While another process holds SQLite's write lock on the document (a database browser, a backup
 * tool), typing a figure waits a moment for it; when the other process keeps it longer, the user
 * reads what is happening in one sentence and nothing is written.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_FILE_NAME } from '../../../../electron/app-bootstrap';
import { firstFigure, useApi } from '../../helpers/api-harness';
import { sha256 } from '../../helpers/store-helpers';

const REPO = path.resolve(__dirname, '../../../..');
const api = useApi('bieu-busy-');
const { call, failure } = api;
const figure = firstFigure(api);
let holder: ChildProcess | null = null;

const samplePath = () => path.join(api.homeDir(), 'documents', SAMPLE_FILE_NAME);

afterEach(() => {
  holder?.kill('SIGKILL');
  holder = null;
});

/**
 * Another process takes the write lock of the document and says so; it lets go after `holdMs`,
 * or when told to (a line on its stdin).
 */
function holdWriteLock(holdMs: number | null): Promise<ChildProcess> {
  const script = `
    const Database = require(${JSON.stringify(path.join(REPO, 'node_modules/better-sqlite3'))});
    const db = new Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    const release = () => { db.exec('ROLLBACK'); db.close(); process.exit(0); };
    process.stdout.write('holding\\n');
    ${holdMs === null ? "process.stdin.once('data', release);" : `setTimeout(release, ${holdMs});`}`;
  const child = spawn(process.execPath, ['-e', script, samplePath()], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  holder = child;
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('holding')) resolve(child);
    });
    child.on('error', reject);
  });
}

describe('cells.set while another process holds the write lock', () => {
  it('waits for a lock held a moment, then stores the figure', async () => {
    await holdWriteLock(300);
    const changes = await call('cells.set', await figure.edit(4039));
    expect(changes.batchId).not.toBeNull();
    expect(await figure.value()).toBe(4039);
  });

  it('says what is happening when the lock is kept, and writes nothing', async () => {
    const before = await figure.value();
    const hashes = () =>
      ['', '-wal'].map((s) => (fs.existsSync(samplePath() + s) ? sha256(samplePath() + s) : null));
    const child = await holdWriteLock(null);
    const bytes = hashes();
    const refused = await failure('cells.set', await figure.edit(4039));
    expect(refused).toEqual({
      ok: false,
      code: 'failed',
      error:
        `Chưa lưu được thay đổi vào tài liệu «${SAMPLE_FILE_NAME}»: một chương trình khác đang giữ ` +
        `quyền ghi tệp này (đã chờ 2 giây), hãy thử lại sau giây lát.`,
    });
    expect(hashes()).toEqual(bytes);
    child.stdin!.write('\n');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(await figure.value()).toBe(before);
    expect(
      (await call('history.list', {})).some((h) => h.cells.some((c) => c.newValue === 4039)),
    ).toBe(false);
  });
});
