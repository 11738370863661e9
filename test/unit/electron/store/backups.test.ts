/**
 * A Biểu killed while writing an automatic backup leaves its half-written copy in the backups
 * folder; the next start removes it, and leaves alone the copy another running Biểu is writing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FILE_NAME } from '../../../../electron/app-bootstrap';
import { backupFolder, listBackups } from '../../../../electron/store/backups';
import { useApi } from '../../helpers/api-harness';

const api = useApi('bieu-backups-'); // each start: the sample and its first backup

const samplePath = () => path.join(api.homeDir(), 'documents', SAMPLE_FILE_NAME);
const backupsDir = () => path.join(api.homeDir(), 'app-data', 'backups');

describe('half-written backups', () => {
  it('are removed at start when their writer is gone; one being written now stays', () => {
    api.app.session.close();
    const folder = backupFolder(backupsDir(), samplePath());
    const [kept] = listBackups(backupsDir(), samplePath());
    const partial = fs.readFileSync(path.join(backupsDir(), kept.id)).subarray(0, 8192);
    // What a kill during VACUUM INTO leaves: the start of a copy under its temporary name.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const leftover = `.dang-ghi-${dead}-${Date.now() - 5000}.tmp`;
    fs.writeFileSync(path.join(folder, leftover), partial);
    // Another Biểu, alive, writing its copy right now.
    const writing = `.dang-ghi-${process.ppid}-${Date.now()}.tmp`;
    fs.writeFileSync(path.join(folder, writing), partial);

    api.start();
    const files = fs.readdirSync(folder);
    expect(files).not.toContain(leftover);
    expect(files).toContain(writing);
    expect(listBackups(backupsDir(), samplePath())).toEqual([kept]);
  });
});
