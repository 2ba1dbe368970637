import type { NoteEditorLabels } from '@/components/NoteEditor';
import type { NoteSectionLabels } from '@/components/NoteSection';
import type { Lang, Part } from '@/core/constants';
import { t } from '@/i18n/t';

/** The browser's UI language as reported (e.g. "en-US"): for `lang` attributes. */
export const uiLocale = browser.i18n.getUILanguage();

/** The glossary language the reader reads: Dutch for a Dutch browser, else English. */
export const uiLanguage: Lang = uiLocale.toLowerCase().startsWith('nl') ? 'nl' : 'en';

export const partLabel = (part: Part) => t(`part_${part}`);

export function useUiLanguage(): Lang {
  return uiLanguage;
}

/** The names of the letter's parts ("§1d Security"), in the UI language. */
export function usePartLabels(): (part: Part) => string {
  return partLabel;
}

/** The note editor's labels (popup, tooltip and glossary page). */
export function noteEditorLabels(): NoteEditorLabels {
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

/** The note editor with delete and undo (popup detail, glossary page). */
export function noteSectionLabels(): NoteSectionLabels {
  return {
    editor: noteEditorLabels(),
    confirm: t('noteConfirmRemove'),
    cancel: t('noteRemoveCancel'),
    deleted: t('noteDeleted'),
    undo: t('noteUndo'),
  };
}
