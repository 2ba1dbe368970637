import type { Note } from '@/core/notes';
import { t } from '@/i18n/t';
import { background } from '@/messaging/background';
import { noteEditorLabels } from './note-labels';
import type { NoteSectionLabels } from './NoteSection';
import { localDrafts } from './use-note-editor';

/**
 * What an extension page passes to NoteSection: labels from _locales and writes through the
 * background, which tells every open view. (Kept out of the component so it stays presentational.)
 */
export function noteSectionProps(termId: string) {
  const labels: NoteSectionLabels = {
    editor: noteEditorLabels(t),
    confirm: t('noteConfirmRemove'),
    cancel: t('popupBack'),
    deleted: t('noteDeleted'),
    undo: t('noteUndo'),
  };
  return {
    termId,
    labels,
    save: (input: { text: string; baseRevision: number; baseText: string }) =>
      background.saveNote({ termId, ...input }),
    remove: async () => (await background.deleteNote({ termId })).deleted,
    restore: (note: Note) => background.restoreNote({ note }),
    drafts: localDrafts(termId),
  };
}
