import { useEffect, useRef } from 'preact/hooks';
import { NOTE_MAX_CHARS } from '@/core/notes';

/**
 * Where the text is: typed only, being saved, saved, merged with an edit made elsewhere, not saved,
 * or not saved because the browser has no room left for the extension's data.
 */
export type SaveState = 'idle' | 'saving' | 'saved' | 'conflict' | 'error' | 'full';

export interface NoteEditorLabels {
  label: string;
  placeholder: string;
  states: Record<SaveState, string>;
  remove: string;
  retry: string;
}

interface Props {
  id: string;
  text: string;
  state: SaveState;
  labels: NoteEditorLabels;
  onInput: (text: string) => void;
  onRemove?: () => void;
  /** Saves now what a failed save left (the Retry button; also when the editor takes focus). */
  onRetry?: () => void;
  autoFocus?: boolean;
}

/** A plain-text note, saved as it is typed, with a visible saved state. */
export function NoteEditor({ id, text, state, labels, onInput, onRemove, onRetry, autoFocus }: Props) {
  const failed = state === 'error' || state === 'full';
  const field = useRef<HTMLTextAreaElement>(null);
  // Focused from script: the autofocus attribute is ignored in a cross-origin frame.
  useEffect(() => {
    if (autoFocus) field.current?.focus();
  }, [autoFocus]);
  return (
    <div class="note-editor">
      <label for={id} class="note-label">
        {labels.label}
      </label>
      <textarea
        id={id}
        class="note-text"
        value={text}
        maxLength={NOTE_MAX_CHARS}
        placeholder={labels.placeholder}
        rows={3}
        ref={field}
        onInput={(e) => onInput(e.currentTarget.value)}
        onFocus={failed ? onRetry : undefined}
        aria-describedby={`${id}-state`}
      />
      <div class="note-status">
        <span id={`${id}-state`} role="status" class={`note-state note-state-${state}`}>
          {labels.states[state]}
        </span>
        {failed && onRetry && (
          <button type="button" class="note-retry" onClick={onRetry}>
            {labels.retry}
          </button>
        )}
        {onRemove && text && (
          <button type="button" class="note-remove" onClick={onRemove}>
            {labels.remove}
          </button>
        )}
      </div>
    </div>
  );
}
