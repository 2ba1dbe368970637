import { NoteEditor } from '@/components/NoteEditor';
import type { Note, NoteContext } from '@/core/notes';
import { useDataSource } from '@/ui-data/context';
import { noteEditorLabels } from '@/ui-data/i18n';
import { useNoteEditor } from '@/ui-data/use-note-editor';

/**
 * The note editor inside a pinned tooltip. This frame has no IndexedDB of its own (a third-party
 * context), so its source saves through the background; a new note remembers where the term was met.
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
  const source = useDataSource();
  const editor = useNoteEditor(stored, (input) =>
    source.saveNote({ termId, ...input, ...(input.baseRevision === 0 ? { context } : {}) }),
  );
  return (
    <NoteEditor
      id={`note-${termId}`}
      text={editor.text}
      state={editor.state}
      labels={noteEditorLabels()}
      onInput={editor.onInput}
      onRetry={editor.retry}
      autoFocus
    />
  );
}
