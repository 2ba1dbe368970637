import { useState } from 'preact/hooks';
import type { Note } from '@/core/notes';
import { NoteEditor, type NoteEditorLabels } from './NoteEditor';
import { useNoteEditor, type DraftStore, type NoteSaver } from './use-note-editor';

export interface NoteSectionLabels {
  editor: NoteEditorLabels;
  confirm: string;
  cancel: string;
  deleted: string;
  undo: string;
}

interface Props {
  termId: string;
  stored: Note | null;
  labels: NoteSectionLabels;
  save: NoteSaver;
  remove: () => Promise<Note | null>;
  restore: (note: Note) => Promise<unknown>;
  drafts?: DraftStore;
}

/** A note editor with delete that asks once and can be undone (popup detail, glossary page). */
export function NoteSection({ termId, stored, labels, save, remove, restore, drafts }: Props) {
  const editor = useNoteEditor(stored, save, drafts);
  const [confirming, setConfirming] = useState(false);
  const [deleted, setDeleted] = useState<Note | null>(null);

  if (deleted) {
    return (
      <div class="note-deleted" role="status">
        {labels.deleted}{' '}
        <button type="button" class="link" onClick={() => void restore(deleted).then(() => setDeleted(null))}>
          {labels.undo}
        </button>
      </div>
    );
  }
  return (
    <>
      <NoteEditor
        id={`note-${termId}`}
        text={editor.text}
        state={editor.state}
        labels={labels.editor}
        onInput={editor.onInput}
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
              drafts?.clear();
              void remove().then(setDeleted);
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
