import type { NoteEditorLabels } from './NoteEditor';

/** The note editor's labels from a translation function (shared by popup, tooltip and glossary page). */
export function noteEditorLabels(t: (key: NoteLabelKey) => string): NoteEditorLabels {
  return {
    label: t('noteLabel'),
    placeholder: t('notePlaceholder'),
    states: {
      idle: '',
      saving: t('noteStateSaving'),
      saved: t('noteStateSaved'),
      conflict: t('noteStateConflict'),
      error: t('noteStateError'),
    },
    remove: t('noteRemove'),
  };
}

export type NoteLabelKey =
  | 'noteLabel'
  | 'notePlaceholder'
  | 'noteStateSaving'
  | 'noteStateSaved'
  | 'noteStateConflict'
  | 'noteStateError'
  | 'noteRemove';
