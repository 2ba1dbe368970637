import { useState } from 'preact/hooks';
import type { Note } from '@/core/notes';
import { NoteEditor, type NoteEditorLabels, type SaveState } from './NoteEditor';

export interface NoteSectionLabels {
  editor: NoteEditorLabels;
  confirm: string;
  cancel: string;
  deleted: string;
  undo: string;
}

interface Props {
  termId: string;
  /** The editor's text and save state, and where typing goes. */
  text: string;
  state: SaveState;
  onInput: (text: string) => void;
  /** Saves now what a failed save left. */
  onRetry?: () => void;
  labels: NoteSectionLabels;
  /** Deletes the note; resolves to it, for "Undo". */
  onRemove: () => Promise<Note | null>;
  onRestore: (note: Note) => Promise<unknown>;
}

/** A note editor with delete that asks once and can be undone (popup detail, glossary page). */
export function NoteSection({ termId, text, state, onInput, onRetry, labels, onRemove, onRestore }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [deleted, setDeleted] = useState<Note | null>(null);

  if (deleted) {
    return (
      <div class="note-deleted" role="status">
        {labels.deleted}{' '}
        <button type="button" class="link" onClick={() => void onRestore(deleted).then(() => setDeleted(null))}>
          {labels.undo}
        </button>
      </div>
    );
  }
  return (
    <>
      <NoteEditor
        id={`note-${termId}`}
        text={text}
        state={state}
        labels={labels.editor}
        onInput={onInput}
        onRetry={onRetry}
        onRemove={() => setConfirming(true)}
      />
      {confirming && (
        <div class="note-confirm" role="alertdialog" aria-label={labels.confirm}>
          {labels.confirm}{' '}
          <button
            type="button"
            class="note-confirm-delete"
            onClick={() => {
              setConfirming(false);
              void onRemove().then(setDeleted);
            }}
          >
            {labels.editor.remove}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {labels.cancel}
          </button>
        </div>
      )}
    </>
  );
}
