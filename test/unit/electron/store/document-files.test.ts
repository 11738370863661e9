/**
 * A document's file on disk: a new file never replaces one that exists and leaves nothing when
 * it fails; a rename takes the -wal along; a restore holds the lock and keeps what it replaces.
 */
import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../../electron/store/backups';
import {
  buildNewFile,
  nameTaken,
  placeNewFile,
  renameDocumentFile,
  replaceWithBackup,
} from '../../../../electron/store/document-files';
import { lockPathFor } from '../../../../electron/store/document-lock';
import { listDir, sha256, useWorkspace } from '../../helpers/store-helpers';
import { refusal } from '../../helpers/snapshot';

const ws = useWorkspace();

describe('new files', () => {
  it('are placed only where nothing is, and leave nothing behind when building fails', () => {
    fs.writeFileSync(ws.file('co-san.bieu'), 'x');
    fs.writeFileSync(ws.file('tam'), 'y');
    expect(refusal(() => placeNewFile(ws.file('tam'), ws.file('co-san.bieu')))).toBe(
      'Tệp «co-san.bieu» đã có; Biểu không ghi đè lên tệp có sẵn.',
    );
    expect(fs.readFileSync(ws.file('co-san.bieu'), 'utf8')).toBe('x');
    expect(
      refusal(() =>
        buildNewFile(ws.file('moi.bieu'), 'Không tạo được «moi.bieu»', (tmp) => {
          fs.writeFileSync(tmp, 'một nửa');
          throw new Error('đĩa đầy');
        }),
      ),
    ).toBe('Không tạo được «moi.bieu»: đĩa đầy');
    expect(listDir(ws.dir)).toEqual(['co-san.bieu', 'tam']);
  });
});

describe('renaming', () => {
  it('moves the file and a -wal a reader kept; sees what is in the way', () => {
    fs.writeFileSync(ws.file('cu.bieu'), 'tai-lieu');
    fs.writeFileSync(ws.file('cu.bieu-wal'), 'wal');
    fs.writeFileSync(ws.file('cu.bieu-shm'), 'shm');
    fs.writeFileSync(lockPathFor(ws.file('khoa.bieu')), '{}');
    expect(nameTaken(ws.file('cu.bieu'), ws.file('khoa.bieu'))).toBe(true);
    fs.writeFileSync(ws.file('mo-do.bieu-wal'), 'wal');
    expect(nameTaken(ws.file('cu.bieu'), ws.file('mo-do.bieu'))).toBe(true);
    expect(nameTaken(ws.file('cu.bieu'), ws.file('moi.bieu'))).toBe(false);
    fs.rmSync(ws.file('mo-do.bieu-wal'));
    renameDocumentFile(ws.file('cu.bieu'), ws.file('moi.bieu'));
    expect(listDir(ws.dir)).toEqual(['khoa.bieu.lock', 'moi.bieu', 'moi.bieu-wal']);
  });
});

describe('restoring a backup', () => {
  it('keeps the bytes of what it replaces when that is not a document', () => {
    const store = ws.createSample('goc.bieu');
    const backup = ws.file('ban-luu.bieu');
    store.saveAs(backup);
    store.close();
    fs.writeFileSync(ws.file('goc.bieu'), 'hỏng hết');
    const root = ws.file('backups');
    replaceWithBackup(ws.file('goc.bieu'), backup, { root }, { user: 'thongke', backedUp: false });
    expect(sha256(ws.file('goc.bieu'))).toBe(sha256(backup));
    const folder = fs.readdirSync(root)[0];
    const kept = fs.readdirSync(`${root}/${folder}`).filter((f) => f.endsWith('.damaged'));
    expect(kept.map((f) => fs.readFileSync(`${root}/${folder}/${f}`, 'utf8'))).toEqual([
      'hỏng hết',
    ]);
    expect(listBackups(root, ws.file('goc.bieu'))).toEqual([]);
  });

  it('is refused while another machine holds the document’s lock', () => {
    const store = ws.createSample('goc.bieu');
    store.saveAs(ws.file('ban-luu.bieu'));
    store.close();
    const hash = sha256(ws.file('goc.bieu'));
    fs.writeFileSync(
      lockPathFor(ws.file('goc.bieu')),
      JSON.stringify({
        pid: 1,
        host: `khac-${os.hostname()}`,
        user: 'ketoan',
        time: '',
        token: 't',
      }),
    );
    expect(
      refusal(() =>
        replaceWithBackup(
          ws.file('goc.bieu'),
          ws.file('ban-luu.bieu'),
          { root: ws.file('b') },
          {
            user: 'thongke',
            backedUp: false,
          },
        ),
      ),
    ).toBe(
      `Không khôi phục được «goc.bieu»: Tài liệu đang được mở để sửa ở nơi khác (máy khac-${os.hostname()}, người dùng ketoan, tiến trình 1).`,
    );
    expect(sha256(ws.file('goc.bieu'))).toBe(hash);
  });
});
