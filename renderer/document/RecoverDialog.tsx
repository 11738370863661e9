/**
 * A document that would not open (a damaged file, most often): the host's message, and when the
 * document has backups, the offer to open the latest one instead. Nothing is overwritten without
 * the click, and the damaged file is the host's to keep aside.
 */
import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../shared/api';
import { call } from '../api-client';
import { Modal } from '../dialogs/Modal';
import { t, useLanguage } from '../i18n';
import { formatDateTime } from '../shell/format-time';
import { newestFirst } from './BackupsDialog';

interface RecoverDialogProps {
  path: string;
  message: string;
  onDismiss(): void;
  onRestore(backupId: string): void;
}

export function RecoverDialog({ path, message, onDismiss, onRestore }: RecoverDialogProps) {
  useLanguage();
  const [latest, setLatest] = useState<BackupInfo | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    call('backups.list', { path }).then(
      (list) => live && setLatest(newestFirst(list)[0] ?? null),
      () => live && setLatest(null),
    );
    return () => {
      live = false;
    };
  }, [path]);

  // Without a backup there is nothing to offer: the alert above the window says what happened.
  if (!latest) return null;
  return (
    <Modal
      title={t('recover.title')}
      submitLabel={t('recover.restore', { time: formatDateTime(latest.createdAt) })}
      onClose={onDismiss}
      onSubmit={() => onRestore(latest.id)}
    >
      <p className="recover-message" role="alert">
        {message}
      </p>
      <p>{t('recover.offer', { time: formatDateTime(latest.createdAt) })}</p>
      <p className="field-hint">{t('recover.safe')}</p>
    </Modal>
  );
}
