import { LANGS } from './constants';
import { termIdSchema } from './ids';
import { z } from './zod';

/**
 * The reader's settings, one schema each. They live in browser.storage (settings/), where another
 * version of the extension, or a broken write, may have left a value of the wrong type: a value that
 * does not parse falls back to its default instead of breaking a page.
 */
export const settingSchemas = {
  enabled: z.boolean(),
  /** Hostnames (of the top frame) where the reader switched the extension off. */
  disabledSites: z.array(z.string().check(z.maxLength(253))).check(z.maxLength(10_000)),
  highlightMode: z.enum(['all', 'first']),
  /** Everyday-word entries (highlight: false) the reader asked to see highlighted. */
  everydayTermsOn: z.array(termIdSchema).check(z.maxLength(100_000)),
  /** How long the pointer rests on a term before its tooltip shows. */
  dwellMs: z.int().check(z.minimum(0), z.maximum(5_000)),
  /** Performance measures in the page's timeline, for `npm run bench` only. */
  benchTimings: z.boolean(),
  /** Terms the reader opened in the popup, newest first. */
  recentTerms: z.array(termIdSchema).check(z.maxLength(50)),
  /** The language terms are explained in: `auto` follows the text (core/reader-lang.ts). */
  explainLang: z.enum(['auto', ...LANGS]),
  /**
   * How a term's tooltip is asked for: the pointer resting on it (`dwellMs`), resting on it with
   * the tooltip key held (`TOOLTIP_KEY`), or a click. The keyboard command works in every mode.
   */
  tooltipTrigger: z.enum(['hover', 'modifier', 'click']),
  /** Notes, known terms, the list of glossaries and settings mirrored in the browser's account sync (opt-in). */
  syncEnabled: z.boolean(),
  /** Abbreviations a page defined that the reader chose not to add to their terms: not offered again. */
  declinedDefinitions: z.array(z.string().check(z.maxLength(30))).check(z.maxLength(1_000)),
  /**
   * PDFs the reader navigates to open in our viewer instead of the browser's (off by default; in
   * Firefox it holds only with the permissions it asked for, core/pdf-open.ts AUTO_OPEN_ACCESS).
   */
  openPdfsInViewer: z.boolean(),
};

export type SettingName = keyof typeof settingSchemas;
export type Settings = { [K in SettingName]: z.infer<(typeof settingSchemas)[K]> };
export type HighlightMode = Settings['highlightMode'];

/** The dwell before a tooltip shows, like the best hover cards. */
export const DEFAULT_DWELL_MS = 300;

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  highlightMode: 'all',
  everydayTermsOn: [],
  dwellMs: DEFAULT_DWELL_MS,
  benchTimings: false,
  recentTerms: [],
  explainLang: 'auto',
  tooltipTrigger: 'hover',
  syncEnabled: false,
  declinedDefinitions: [],
  openPdfsInViewer: false,
};

/** A stored value if it is valid, else the default. */
export function parseSetting<K extends SettingName>(name: K, value: unknown): Settings[K] {
  const parsed = settingSchemas[name].safeParse(value);
  return parsed.success ? (parsed.data as Settings[K]) : DEFAULT_SETTINGS[name];
}

export type TooltipTrigger = Settings['tooltipTrigger'];

/**
 * The key of the `modifier` trigger (KeyboardEvent.key). Alt (Option on macOS): held while the
 * pointer moves it selects, drags and follows nothing, typing rarely holds it (Shift is held for
 * every capital letter), and it is the key of few shortcuts (Ctrl and Cmd are copy, paste, find).
 * AltGr, with which many European layouts type @, € or {, is another key ('AltGraph').
 */
export const TOOLTIP_KEY = 'Alt';

/** How the interface names TOOLTIP_KEY, from `navigator.platform` (its keycap says "option" on a Mac). */
export function tooltipKeyName(platform: string): string {
  return /^(Mac|iP)/.test(platform) ? '⌥ Option' : 'Alt';
}

/** The dwell a reader typed (ms), as the setting stores it: whole, within 0–5000; null if not a number. */
export function dwellFromInput(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  return Math.min(5_000, Math.max(0, Math.round(value)));
}
