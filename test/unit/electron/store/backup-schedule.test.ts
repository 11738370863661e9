/**
 * When an open document is backed up: every N actions, on close after an edit, on demand, never
 * without a backup folder; a backup that fails is reported and never costs the edit.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackupSchedule } from '../../../../electron/store/backup-schedule';
import { listBackups } from '../../../../electron/store/backups';
import { useSampleWriter, type OpenWriter } from '../../helpers/writer';

const { ws, writer } = useSampleWriter();
afterEach(() => vi.restoreAllMocks());

const touch = (w: OpenWriter, n: number) =>
  w.db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('lan', ?)`).run(String(n));

describe('the backup schedule', () => {
  it('backs up after every N actions and on close after an edit', () => {
    const w = writer();
    const root = ws.file('backups');
    const schedule = new BackupSchedule({ root, everyBatches: 3 });
    for (let n = 1; n <= 4; n++) {
      touch(w, n);
      schedule.afterBatch(w.db, w.docPath);
    }
    expect(listBackups(root, w.docPath)).toHaveLength(1);
    schedule.beforeClose(w.db, w.docPath);
    expect(listBackups(root, w.docPath)).toHaveLength(2);
    // Not edited since: nothing more.
    schedule.beforeClose(w.db, w.docPath);
    expect(listBackups(root, w.docPath)).toHaveLength(2);
  });

  it('without a folder backs up nothing; a failing backup is logged, not thrown', () => {
    const w = writer();
    expect(new BackupSchedule(undefined).now(w.db, w.docPath)).toBeNull();
    fs.writeFileSync(ws.file('khong-phai-thu-muc'), 'x');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const schedule = new BackupSchedule({ root: ws.file('khong-phai-thu-muc'), everyBatches: 1 });
    expect(() => schedule.afterBatch(w.db, w.docPath)).not.toThrow();
    expect(logged).toHaveBeenCalledWith('[bieu] không sao lưu được «mau.bieu»:', expect.any(Error));
  });
});
