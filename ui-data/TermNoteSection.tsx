import { useMemo } from 'preact/hooks';
import { NoteSection } from '@/components/NoteSection';
import type { Note } from '@/core/notes';
import { useDataSource } from './context';
import { noteSectionLabels } from './i18n';
import { localDrafts, useNoteEditor } from './use-note-editor';

interface Props {
  termId: string;
  /** The stored note as the page has it now; mount once it is known (null: no note yet). */
  stored: Note | null;
}

/**
 * NoteSection bound to the data layer (popup detail, glossary page): saves as the reader types,
 * keeps a draft in localStorage until saved, deletes with undo. Writes go through the background,
 * which tells every open view.
 */
export function TermNoteSection({ termId, stored }: Props) {
  const source = useDataSource();
  const drafts = useMemo(() => localDrafts(termId), [termId]);
  const editor = useNoteEditor(stored, (input) => source.saveNote({ termId, ...input }), drafts);
  return (
    <NoteSection
      termId={termId}
      text={editor.text}
      state={editor.state}
      onInput={editor.onInput}
      onRetry={editor.retry}
      labels={noteSectionLabels()}
      onRemove={() => {
        drafts.clear();
        return source.deleteNote(termId);
      }}
      onRestore={(note) => source.restoreNote(note)}
    />
  );
}
