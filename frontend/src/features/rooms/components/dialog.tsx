import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

type DialogProps = {
  /** The id of the dialog's heading: its accessible name. */
  labelledBy: string;
  /** Escape, or a close button inside: the parent unmounts the dialog. */
  onClose: () => void;
  /** Where focus goes once the dialog closes (else back to what had it before). */
  returnFocusRef?: RefObject<HTMLElement | null>;
  /** Gets focus when the dialog opens: its heading, so its name and purpose are read first. */
  initialFocusRef?: RefObject<HTMLElement | null>;
  children: ReactNode;
  testId?: string;
};

/**
 * A modal dialog on the native <dialog>: the browser keeps focus inside it, makes the page
 * behind it inert and closes it on Escape. Mounted means open.
 */
export function Dialog({ labelledBy, onClose, returnFocusRef, initialFocusRef, children, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // jsdom has no showModal(); there the open attribute alone shows it.
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    initialFocusRef?.current?.focus();
    const returnTo = returnFocusRef;
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      const target = returnTo?.current ?? before;
      if (target && target.isConnected) target.focus();
    };
  }, [initialFocusRef, returnFocusRef]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      aria-modal="true"
      className="kc-dialog"
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onCloseRef.current();
      }}
    >
      {children}
    </dialog>
  );
}
