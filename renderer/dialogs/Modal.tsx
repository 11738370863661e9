/**
 * A modal dialog on the native <dialog> element: the browser traps focus, closes on Escape and
 * marks the rest of the page inert, which is more than we would get right by hand.
 */
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { t } from '../i18n';

interface ModalProps {
  title: string;
  onClose(): void;
  /** When given, the body is a form and Enter submits it. */
  onSubmit?(): void;
  submitLabel?: string;
  submitDisabled?: boolean;
  /** The label of the button that closes without submitting (default: Hủy, or Đóng). */
  closeLabel?: string;
  /** Wider dialogs: 'wide' for previews of tables, 'medium' for forms with a preview. */
  size?: 'wide' | 'medium';
  /** Extra buttons, left of the closing and submitting ones. */
  extraActions?: ReactNode;
  testId?: string;
  children: ReactNode;
}

export function Modal({
  title,
  onClose,
  onSubmit,
  submitLabel,
  submitDisabled,
  closeLabel,
  size,
  extraActions,
  testId,
  children,
}: ModalProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!submitDisabled) onSubmit?.();
  };

  return (
    <dialog
      ref={dialog}
      className={size ? `modal modal-${size}` : 'modal'}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault(); // React owns whether the dialog exists; Escape asks to close it
        onClose();
      }}
    >
      <form method="dialog" onSubmit={submit}>
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        <div className="modal-body">{children}</div>
        <div className="modal-actions">
          {extraActions}
          {onSubmit ? (
            <>
              <button type="button" className="button" onClick={onClose}>
                {closeLabel ?? t('dialog.cancel')}
              </button>
              <button type="submit" className="button button-primary" disabled={submitDisabled}>
                {submitLabel}
              </button>
            </>
          ) : (
            <button type="button" className="button button-primary" onClick={onClose} autoFocus>
              {closeLabel ?? t('dialog.close')}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
