/**
 * When an open document is backed up (backups.ts keeps the copies): on demand (before a backup
 * is restored over it), after every `everyBatches` actions, and on close when it was edited
 * since. A failed automatic backup is logged and never costs the user the edit that caused it.
 */
import path from 'node:path';
import type { BackupInfo } from '../../shared/api';
import { DEFAULT_EVERY_BATCHES, DEFAULT_KEEP, writeBackup, type BackupPolicy } from './backups';
import type { Db } from './sqlite';

export class BackupSchedule {
  private batchesSinceBackup = 0;

  /** No policy: no backups (tests, the CLI). */
  constructor(private readonly policy: BackupPolicy | undefined) {}

  /** Back up now; null when there is no policy or the copy equals the newest backup. */
  now(db: Db, docPath: string): BackupInfo | null {
    if (!this.policy) return null;
    const made = writeBackup(db, docPath, this.policy.root, this.policy.keep ?? DEFAULT_KEEP);
    this.batchesSinceBackup = 0;
    return made;
  }

  afterBatch(db: Db, docPath: string): void {
    this.batchesSinceBackup++;
    const every = this.policy?.everyBatches ?? DEFAULT_EVERY_BATCHES;
    if (this.policy && this.batchesSinceBackup >= every) this.quietly(db, docPath);
  }

  beforeClose(db: Db, docPath: string): void {
    if (this.batchesSinceBackup > 0) this.quietly(db, docPath);
  }

  /** Forget the count (the document was replaced by a copy under another name). */
  reset(): void {
    this.batchesSinceBackup = 0;
  }

  private quietly(db: Db, docPath: string): void {
    try {
      this.now(db, docPath);
    } catch (err) {
      // A failed backup must not cost the user the edit that triggered it.
      console.error(`[bieu] không sao lưu được «${path.basename(docPath)}»:`, err);
    }
  }
}
