/**
 * "Bản sao lưu": the automatic backups of the open document, newest first, each restorable.
 * Restoring replaces the document with the backup; the host backs up the current state first,
 * so a restore can itself be taken back.
 */
import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../shared/api';
import { call } from '../api-client';
import { Modal } from '../dialogs/Modal';
import { t, useLanguage } from '../i18n';
import { formatBytes, formatDateTime } from '../shell/format-time';

interface BackupsDialogProps {
  readOnly: boolean;
  onClose(): void;
  onRestore(backupId: string): void;
  onError(error: unknown): void;
}

export function BackupsDialog({ readOnly, onClose, onRestore, onError }: BackupsDialogProps) {
  useLanguage();
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);

  useEffect(() => {
    let live = true;
    call('backups.list', {}).then(
      (list) => live && setBackups(newestFirst(list)),
      (error: unknown) => {
        if (!live) return;
        setBackups([]);
        onError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [onError]);

  return (
    <Modal title={t('backups.title')} onClose={onClose}>
      <p className="field-hint">{t('backups.explain')}</p>
      {backups === null ? (
        <p className="field-hint">{t('start.loading')}</p>
      ) : backups.length === 0 ? (
        <p className="backups-empty">{t('backups.none')}</p>
      ) : (
        <ul className="backup-list" aria-label={t('backups.title')}>
          {backups.map((backup) => (
            <li key={backup.id} className="backup-item">
              <span className="backup-time">{formatDateTime(backup.createdAt)}</span>
              <span className="backup-size">{formatBytes(backup.bytes)}</span>
              <button
                type="button"
                className="button button-small"
                disabled={readOnly}
                title={readOnly ? t('readOnly.cannot') : undefined}
                aria-label={t('backups.restoreAt', { time: formatDateTime(backup.createdAt) })}
                onClick={() => onRestore(backup.id)}
              >
                {t('backups.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}

export function newestFirst(list: BackupInfo[]): BackupInfo[] {
  return list.slice().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
