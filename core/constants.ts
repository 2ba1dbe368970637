/** The parts of the letter, in reading order. */
export const PARTS = ['opening', '1', '1a', '1b', '1c', '1d', '2'] as const;
export type Part = (typeof PARTS)[number];

/** The languages entries are written in. */
export const LANGS = ['nl', 'en', 'fr', 'de'] as const;
export type Lang = (typeof LANGS)[number];

/** The keyboard command that explains the term at the selection (manifest `commands`). */
export const EXPLAIN_COMMAND = 'explain-selection';

/** Each language's name in itself, for the reader's choice of explanation language. */
export const LANG_NAMES: Record<(typeof LANGS)[number], string> = {
  nl: 'Nederlands',
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
};
