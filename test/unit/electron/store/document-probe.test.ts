/**
 * Before a document is opened for writing it is read once and confirmed healthy: a flipped bit
 * that SQLite's quick check lets through, a structure other than the header claims and a -wal of
 * another database beside it are each refused with one sentence that names the file and what is
 * wrong (and the newest good backup, where restoring one is the answer). Nothing is written: same
 * bytes, no new file beside the document, no new backup.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FILE_NAME } from '../../../../electron/app-bootstrap';
import { listBackups, vietnameseTime } from '../../../../electron/store/backups';
import { BIEU_APPLICATION_ID, SCHEMA_VERSION } from '../../../../electron/store/schema';
import { firstFigure, useApi } from '../../helpers/api-harness';
import { sha256 } from '../../helpers/store-helpers';
import { flipCellBit } from '../../helpers/damage';

const api = useApi('bieu-probe-');
const { start, call, failure } = api;
const figure = firstFigure(api);

const samplePath = () => path.join(api.homeDir(), 'documents', SAMPLE_FILE_NAME);
const backupsDir = () => path.join(api.homeDir(), 'app-data', 'backups');
const LEFT_ALONE = 'nên Biểu không mở và không ghi gì vào tệp này';

/** The sample with 19207 typed, closed: its newest backup holds 19207. */
async function closedSample(): Promise<void> {
  await figure.type(19207);
  api.app.session.close();
}

/**
 * Open the document through the API and expect the refusal `problem` (the part after the file
 * name), followed by the offer of the newest backup; nothing written anywhere.
 */
async function expectRefused(problem: string, offer = true): Promise<void> {
  const before = fs.readdirSync(path.dirname(samplePath())).sort();
  const hash = sha256(samplePath());
  const walHash = fs.existsSync(`${samplePath()}-wal`) ? sha256(`${samplePath()}-wal`) : null;
  const backups = listBackups(backupsDir(), samplePath());
  start(); // the last document cannot be reopened: a notice, not a crash
  expect(api.app.notice).toContain(`«${SAMPLE_FILE_NAME}`);
  const refused = await failure('document.open', { path: samplePath() });
  expect(refused.code).toBe('not-a-document');
  const newest = backups[0];
  expect(refused.error).toBe(
    offer
      ? `Tệp «${SAMPLE_FILE_NAME}» ${problem}, ${LEFT_ALONE}; bản sao lưu còn tốt gần nhất là lúc ` +
          `${vietnameseTime(newest.createdAt)}, có thể khôi phục tài liệu từ bản sao lưu đó.`
      : problem,
  );
  expect(sha256(samplePath())).toBe(hash);
  if (walHash) expect(sha256(`${samplePath()}-wal`)).toBe(walHash);
  expect(fs.readdirSync(path.dirname(samplePath())).sort()).toEqual(before);
  // The damaged state was not copied into a new backup, which would be offered next time.
  expect(listBackups(backupsDir(), samplePath())).toEqual(backups);
}

describe('a flipped bit in a cells page', () => {
  it('that only the full integrity check sees is refused before anything is edited', async () => {
    await closedSample();
    flipCellBit(samplePath(), 'integrity-only');
    await expectRefused('bị hỏng: dữ liệu bên trong không còn nguyên vẹn');
  });

  it('that changes a figure and leaves every page well-formed is caught by the checksum', async () => {
    await closedSample();
    flipCellBit(samplePath(), 'silent');
    await expectRefused('bị hỏng: số liệu trong các ô không còn khớp với tổng kiểm ghi trong tệp');
    // Restoring the backup offered brings back what was typed.
    const [newest] = await call('backups.list', { path: samplePath() });
    expect((await call('backups.restore', { backupId: newest.id })).readOnly).toBe(false);
    expect(await figure.value()).toBe(19207);
  });

  it('offers the newest backup that is still good, and sets a damaged one aside', async () => {
    await closedSample();
    start();
    await figure.type(20000);
    api.app.session.close();
    const [newest, older] = listBackups(backupsDir(), samplePath());
    expect(older).toBeDefined();
    // The newest backup went bad on disk too.
    flipCellBit(path.join(backupsDir(), newest.id), 'silent');
    flipCellBit(samplePath(), 'silent');
    start();
    const refused = await failure('document.open', { path: samplePath() });
    expect(refused.error).toContain(`lúc ${vietnameseTime(older.createdAt)}, có thể khôi phục`);
    const offered = await call('backups.list', { path: samplePath() });
    expect(offered[0].id).toBe(older.id);
    expect(offered.some((b) => b.id === newest.id)).toBe(false);
    expect(fs.existsSync(path.join(backupsDir(), `${newest.id}.damaged`))).toBe(true);
    await call('backups.restore', { backupId: older.id });
    expect(await figure.value()).toBe(19207);
  });
});

describe('the right header with a wrong structure', () => {
  it('a table dropped', async () => {
    await closedSample();
    const raw = new Database(samplePath());
    raw.exec('DROP TABLE links');
    raw.close();
    await expectRefused(
      `là tài liệu Biểu phiên bản lược đồ ${SCHEMA_VERSION} nhưng thiếu bảng «links»`,
    );
  });

  it('an older schema version in the header', async () => {
    await closedSample();
    const raw = new Database(samplePath());
    raw.pragma('user_version = 2');
    raw.close();
    await expectRefused(
      `ghi phiên bản lược đồ 2 nhưng cấu trúc bên trong là của phiên bản ${SCHEMA_VERSION}`,
    );
  });

  it("a foreign database carrying Biểu's application id", async () => {
    await closedSample();
    for (const f of fs.readdirSync(path.dirname(samplePath()))) {
      fs.rmSync(path.join(path.dirname(samplePath()), f));
    }
    const raw = new Database(samplePath());
    raw.exec(`CREATE TABLE hoa_don (so INTEGER, tien REAL); INSERT INTO hoa_don VALUES (1, 2.5)`);
    raw.pragma(`application_id = ${BIEU_APPLICATION_ID}`);
    raw.pragma(`user_version = ${SCHEMA_VERSION}`);
    raw.close();
    await expectRefused(
      'mang mã nhận dạng của tài liệu Biểu nhưng bên trong là cơ sở dữ liệu của một chương trình ' +
        'khác, không có bảng nào của Biểu',
    );
  });
});

describe('a -wal beside the document', () => {
  it('from another database is named as foreign, with what to do', async () => {
    await closedSample();
    // Another program's WAL database, its changes still in its -wal.
    const other = path.join(api.homeDir(), 'khac.db');
    const foreign = new Database(other);
    foreign.pragma('journal_mode = WAL');
    foreign.pragma('wal_autocheckpoint = 0');
    foreign.exec(`CREATE TABLE t (x); INSERT INTO t VALUES (1), (2)`);
    fs.copyFileSync(`${other}-wal`, `${samplePath()}-wal`);
    foreign.close();
    await expectRefused(
      `Tệp «${SAMPLE_FILE_NAME}-wal» nằm cạnh «${SAMPLE_FILE_NAME}» là của một cơ sở dữ liệu khác, ` +
        `không phải của tài liệu này, nên Biểu không mở và không ghi gì vào tài liệu; hãy chuyển tệp ` +
        `«${SAMPLE_FILE_NAME}-wal» sang thư mục khác (đừng xóa vội) rồi mở lại tài liệu.`,
      false,
    );
    // Moved away as told, the document opens with what was typed.
    fs.renameSync(`${samplePath()}-wal`, path.join(api.homeDir(), 'khac.wal'));
    expect((await call('document.open', { path: samplePath() })).readOnly).toBe(false);
    expect(await figure.value()).toBe(19207);
  });
});
