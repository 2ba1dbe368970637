import { useMemo, useState } from 'preact/hooks';
import { NoteEditor } from '@/components/NoteEditor';
import { noteEditorLabels } from '@/components/note-labels';
import { localDrafts, useNoteEditor } from '@/components/use-note-editor';
import type { Note } from '@/core/notes';
import { t } from '@/i18n/t';
import { sendMessage } from '@/messaging/protocol';

/** The note editor in the popup's detail view: saved as typed, a draft kept if the popup closes. */
export function NoteSection({ termId, stored }: { termId: string; stored: Note | null | undefined }) {
  const drafts = useMemo(() => localDrafts(termId), [termId]);
  const editor = useNoteEditor(stored, (input) => sendMessage('saveNote', { termId, ...input }), drafts);
  const [confirming, setConfirming] = useState(false);
  const [deleted, setDeleted] = useState<Note | null>(null);

  if (deleted) {
    return (
      <div class="note-deleted" role="status">
        {t('noteDeleted')}{' '}
        <button
          type="button"
          class="link"
          onClick={() => void sendMessage('restoreNote', { note: deleted }).then(() => setDeleted(null))}
        >
          {t('noteUndo')}
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
        labels={noteEditorLabels(t)}
        onInput={editor.onInput}
        onRemove={() => setConfirming(true)}
      />
      {confirming && (
        <div class="note-confirm" role="alertdialog" aria-label={t('noteConfirmRemove')}>
          {t('noteConfirmRemove')}{' '}
          <button
            type="button"
            onClick={() => {
              setConfirming(false);
              drafts.clear();
              void sendMessage('deleteNote', { termId }).then((r) => setDeleted(r.deleted));
            }}
          >
            {t('noteRemove')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('popupBack')}
          </button>
        </div>
      )}
    </>
  );
}
