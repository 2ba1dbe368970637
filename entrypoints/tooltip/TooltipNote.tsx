import { NoteEditor } from '@/components/NoteEditor';
import { noteEditorLabels } from '@/components/note-labels';
import { useNoteEditor } from '@/components/use-note-editor';
import type { Note, NoteContext } from '@/core/notes';
import { t } from '@/i18n/t';
import { background } from '@/messaging/background';

/**
 * The note editor inside a pinned tooltip. This frame has no IndexedDB of its own (a third-party
 * context), so it saves through the background; a new note remembers where the term was met.
 */
export function TooltipNote({
  termId,
  stored,
  context,
}: {
  termId: string;
  stored: Note | null;
  context: NoteContext;
}) {
  const editor = useNoteEditor(stored, (input) =>
    background.saveNote({ termId, ...input, ...(input.baseRevision === 0 ? { context } : {}) }),
  );
  return (
    <NoteEditor
      id={`note-${termId}`}
      text={editor.text}
      state={editor.state}
      labels={noteEditorLabels(t)}
      onInput={editor.onInput}
      autoFocus
    />
  );
}
