import type { NoteEditorLabels } from '@/components/NoteEditor';
import type { NoteSectionLabels } from '@/components/NoteSection';
import type { Lang, Part } from '@/core/constants';
import { entryLang, readerLang } from '@/core/reader-lang';
import { t } from '@/i18n/t';
import { useSetting } from './settings';

/** The browser's UI language as reported (e.g. "en-US"): for `lang` attributes. */
export const uiLocale = browser.i18n.getUILanguage();

/** The glossary language of the browser: its UI language when entries are written in it, else English. */
export const uiLanguage: Lang = entryLang(uiLocale) ?? 'en';

export const partLabel = (part: Part) => t(`part_${part}`);

let languageNames: Intl.DisplayNames | null | undefined;

/** A language's name in the browser's language ("German" for "de"); the code when the browser has none. */
export function languageName(code: string): string {
  if (languageNames === undefined) {
    try {
      languageNames = new Intl.DisplayNames([uiLocale, 'en'], { type: 'language' });
    } catch {
      languageNames = null;
    }
  }
  try {
    return languageNames?.of(code) ?? code;
  } catch {
    return code; // not a well-formed tag
  }
}

/** The language entries are shown in on extension pages: the one the reader fixed, else the browser's. */
export function useUiLanguage(): Lang {
  const [fixed] = useSetting('explainLang');
  return readerLang([uiLocale], fixed);
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
      full: t('noteStateFull'),
    },
    remove: t('noteRemove'),
    retry: t('noteRetry'),
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
