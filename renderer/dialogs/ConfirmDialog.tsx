/** Asking before something that changes a lot at once (deleting a table): say what, and how to undo. */
import { useLanguage } from '../i18n';
import { Modal } from './Modal';

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  /** The label of the button that says no (default: Hủy). */
  cancelLabel?: string;
  onCancel(): void;
  onConfirm(): void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  useLanguage();
  return (
    <Modal
      title={props.title}
      submitLabel={props.confirmLabel}
      closeLabel={props.cancelLabel}
      onClose={props.onCancel}
      onSubmit={props.onConfirm}
    >
      <p className="confirm-message">{props.message}</p>
    </Modal>
  );
}
