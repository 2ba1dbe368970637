interface Props {
  pinned: boolean;
  /** Why there is nothing to show ("This term's glossary was deleted or switched off."). */
  message: string;
  close: string;
  onClose: () => void;
}

/** The card for a term that is gone since the page was scanned (its glossary deleted or switched off). */
export function TermMissing({ pinned, message, close, onClose }: Props) {
  return (
    <div
      class={`term-card term-missing${pinned ? ' pinned' : ''}`}
      role={pinned ? 'dialog' : 'tooltip'}
      aria-labelledby={pinned ? 'term-missing-text' : undefined}
      tabIndex={-1}
    >
      <p class="term-missing-text" id="term-missing-text">
        {message}
      </p>
      {pinned && (
        <footer>
          <button type="button" class="term-close" onClick={onClose}>
            {close}
          </button>
        </footer>
      )}
    </div>
  );
}
