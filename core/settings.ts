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
  /** Notes, known terms, the list of glossaries and settings mirrored in the browser's account sync (opt-in). */
  syncEnabled: z.boolean(),
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
  syncEnabled: false,
};

/** A stored value if it is valid, else the default. */
export function parseSetting<K extends SettingName>(name: K, value: unknown): Settings[K] {
  const parsed = settingSchemas[name].safeParse(value);
  return parsed.success ? (parsed.data as Settings[K]) : DEFAULT_SETTINGS[name];
}
