/** "Giới thiệu": what Biểu is and which version is running. */
import { t, useLanguage } from '../i18n';
import { Modal } from './Modal';

export function AboutDialog({ version, onClose }: { version: string; onClose(): void }) {
  useLanguage();
  return (
    <Modal title={t('dialog.about.title')} onClose={onClose}>
      <p>{t('dialog.about.body')}</p>
      <p className="field-hint">{t('dialog.about.version', { version })}</p>
    </Modal>
  );
}
