/**
 * The document lock follows the file, not the name: the same document opened through a symbolic
 * link or a hard link (in the same folder or another) opens read-only while it is edited, so one
 * window's undo can never take back another's edits. And a lock whose process id now belongs to
 * another, live process (the id was reused after Biểu died) is no lock.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentStore } from '../../../../electron/store/document-store';
import {
  identityLockDir,
  lockPathFor,
  processStart,
} from '../../../../electron/store/document-lock';
import { useWorkspace } from '../../helpers/store-helpers';

const ws = useWorkspace();
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

const EDITING = `Tài liệu đang được mở để sửa ở nơi khác (máy ${os.hostname()}, người dùng thongke, tiến trình ${process.pid}); chỉ mở để xem.`;

/** The lock files of a document by its identity (device and inode). */
function identityLocks(file: string): string[] {
  const { dev, ino } = fs.statSync(file);
  return fs.readdirSync(identityLockDir()).filter((f) => f === `${dev}-${ino}.lock`);
}

function expectOpenElsewhere(other: string): void {
  const second = ws.track(DocumentStore.open(other, { user: 'nguoi-khac' }));
  expect(second.info().readOnlyReason).toBe(EDITING);
  const t = second.listTables()[0];
  expect(() => second.insertRows(t.id, 0, 1)).toThrow(/chỉ mở để xem/);
  expect(() => second.undo()).toThrow(/chỉ mở để xem/);
}

describe('the lock is the file’s', () => {
  it('through a symbolic link, either way round', () => {
    const first = ws.createSample('that.bieu');
    fs.symlinkSync(first.path, ws.file('loi-tat.bieu'));
    expectOpenElsewhere(ws.file('loi-tat.bieu'));
    first.close();
    // The lock went with the editor: none beside either name, none by identity.
    expect(fs.readdirSync(ws.dir).filter((f) => f.endsWith('.lock'))).toEqual([]);
    expect(identityLocks(first.path)).toEqual([]);

    const viaLink = ws.track(DocumentStore.open(ws.file('loi-tat.bieu'), { user: 'thongke' }));
    expect(viaLink.readOnly).toBe(false);
    // Beside the real file, where another machine sharing the folder looks too.
    expect(fs.existsSync(lockPathFor(ws.file('that.bieu')))).toBe(true);
    expectOpenElsewhere(ws.file('that.bieu'));
  });

  it('through a hard link in the same folder and in another', () => {
    const first = ws.createSample('goc.bieu');
    fs.linkSync(first.path, ws.file('lien-ket.bieu'));
    fs.mkdirSync(ws.file('thu-muc-khac'));
    fs.linkSync(first.path, ws.file('thu-muc-khac/ban-khac.bieu'));
    expectOpenElsewhere(ws.file('lien-ket.bieu'));
    expectOpenElsewhere(ws.file('thu-muc-khac/ban-khac.bieu'));
    first.close();
    const again = ws.track(DocumentStore.open(ws.file('thu-muc-khac/ban-khac.bieu')));
    expect(again.readOnly).toBe(false);
  });
});

describe('a lock whose process id was given to another process', () => {
  it('is taken over, while a live holder of the same id is respected', () => {
    const store = ws.createSample();
    const file = store.path;
    store.close();
    // Biểu runs as a process and takes the lock…
    const biểu = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], {
      stdio: 'ignore',
    });
    children.push(biểu);
    const started = processStart(biểu.pid!);
    expect(started).not.toBeNull();
    const lock = (pid: number) =>
      JSON.stringify({
        pid,
        host: os.hostname(),
        user: 'ai-do',
        time: new Date().toISOString(),
        token: 'cu',
        started,
      });
    fs.writeFileSync(lockPathFor(file), lock(biểu.pid!));
    const viewer = ws.track(DocumentStore.open(file));
    expect(viewer.info().readOnlyReason).toContain(`tiến trình ${biểu.pid}`);
    viewer.close();

    // …and dies; its id now names another live process, one that started at another time (here
    // the test runner's parent, which started long before).
    const other = process.ppid;
    expect(processStart(other)).not.toBe(started);
    fs.writeFileSync(lockPathFor(file), lock(other));
    const editor = ws.track(DocumentStore.open(file));
    expect(editor.readOnly).toBe(false);
    expect(JSON.parse(fs.readFileSync(lockPathFor(file), 'utf8')).pid).toBe(process.pid);
  });
});
