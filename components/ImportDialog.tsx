import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  open: boolean;
  title: string;
  /** The step shown: when it changes, the focus goes to the step's first control (the last one's is gone). */
  step: string;
  /** While an import runs, Escape does not close the dialog: the reader cancels it with its button. */
  locked: boolean;
  onClose: () => void;
  children: ComponentChildren;
}

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), button:not([disabled]), [tabindex="0"]';

/** The import dialog's frame: a modal <dialog> (focus kept inside, the page behind inert). */
export function ImportDialog({ open, title, step, locked, onClose, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  useEffect(() => {
    const el = dialog.current;
    if (!open || !el) return;
    el.querySelector<HTMLElement>(FOCUSABLE)?.focus();
  }, [open, step]);
  return (
    <dialog
      ref={dialog}
      class="import-dialog"
      aria-labelledby="import-dialog-title"
      onCancel={(e) => {
        // Escape: closes, unless an import is running.
        e.preventDefault();
        if (!locked) onClose();
      }}
      onClose={() => {
        if (!open) return;
        // Chromium closes a dialog on a second Escape even when the first was refused: while an
        // import runs, it comes back (the import goes on, and only its Cancel stops it).
        if (locked) dialog.current?.showModal();
        else onClose();
      }}
    >
      <h2 id="import-dialog-title">{title}</h2>
      {children}
    </dialog>
  );
}
