import { storage } from '@wxt-dev/storage';
import type { ExplainLang } from '@/core/reader-lang';
import {
  DEFAULT_SETTINGS,
  parseSetting,
  type HighlightMode,
  type SettingName,
  type Settings,
  type TooltipTrigger,
} from '@/core/settings';

export type { HighlightMode, TooltipTrigger };

/**
 * The reader's settings live in browser.storage (not in Dexie): content scripts can read them
 * directly and are told of changes through `watch`, so a switch applies to open tabs without a
 * reload. Every read goes through the schema in core/settings.ts: a stored value of the wrong type
 * reads as the default.
 */
export interface Setting<K extends SettingName> {
  getValue(): Promise<Settings[K]>;
  setValue(value: Settings[K]): Promise<void>;
  /** Calls back with the new (validated) value; returns the remover. */
  watch(onChange: (value: Settings[K]) => void): () => void;
}

function defineSetting<K extends SettingName>(name: K): Setting<K> {
  const item = storage.defineItem<unknown>(`local:${name}`, { fallback: DEFAULT_SETTINGS[name] });
  return {
    getValue: async () => parseSetting(name, await item.getValue()),
    setValue: (value) => item.setValue(value),
    watch: (onChange) => item.watch((value) => onChange(parseSetting(name, value))),
  };
}

export const enabledEverywhere = defineSetting('enabled');
/** Hostnames (of the top frame) where the reader switched the extension off. */
export const disabledSites = defineSetting('disabledSites');
export const highlightMode = defineSetting('highlightMode');
/** Everyday-word entries (highlight: false) the reader asked to see highlighted. */
export const everydayTermsOn = defineSetting('everydayTermsOn');
/** How long the pointer rests on a term before its tooltip shows. */
export const dwellMs = defineSetting('dwellMs');
/**
 * `npm run bench` switches this on to have the content script leave performance measures in the
 * page's timeline. Off for readers: a page could otherwise time when its reader looks terms up.
 */
export const benchTimings = defineSetting('benchTimings');
/** Terms the reader opened in the popup, newest first. */
export const recentTerms = defineSetting('recentTerms');
/** The language terms are explained in, or `auto`. */
export const explainLang = defineSetting('explainLang');
/** How a term's tooltip is asked for: on hover, on hover with the tooltip key held, or on click. */
export const tooltipTrigger = defineSetting('tooltipTrigger');
/** Whether this device mirrors its data in the browser's account sync (entrypoints/background/sync.ts). */
export const syncEnabled = defineSetting('syncEnabled');
/** Abbreviations a page defined that the reader declined to add to their terms (the popup's offer). */
export const declinedDefinitions = defineSetting('declinedDefinitions');
/** Whether PDFs the reader navigates to open in our viewer (entrypoints/background/pdf-auto-open.ts). */
export const openPdfsInViewer = defineSetting('openPdfsInViewer');

export async function pushRecent(id: string, max = 8): Promise<string[]> {
  const next = [id, ...(await recentTerms.getValue()).filter((x) => x !== id)].slice(0, max);
  await recentTerms.setValue(next);
  return next;
}

export interface PageSettings {
  enabled: boolean;
  mode: HighlightMode;
  enabledIds: string[];
  dwellMs: number;
  timings: boolean;
  explainLang: ExplainLang;
  trigger: TooltipTrigger;
}

/** The settings a page's content script reads, in one storage read (see `pageSettingsFrom`). */
const PAGE_SETTING_NAMES = [
  'enabled',
  'disabledSites',
  'highlightMode',
  'everydayTermsOn',
  'dwellMs',
  'benchTimings',
  'explainLang',
  'tooltipTrigger',
] as const;
export const PAGE_SETTING_KEYS = PAGE_SETTING_NAMES.map((name) => `local:${name}` as const);

/** PageSettings from the stored values of PAGE_SETTING_KEYS, in that order (each validated, else its default). */
export function pageSettingsFrom(values: readonly unknown[], hostname: string): PageSettings {
  const [on, sites, mode, everyday, dwell, timings, explain, trigger] = [
    parseSetting('enabled', values[0]),
    parseSetting('disabledSites', values[1]),
    parseSetting('highlightMode', values[2]),
    parseSetting('everydayTermsOn', values[3]),
    parseSetting('dwellMs', values[4]),
    parseSetting('benchTimings', values[5]),
    parseSetting('explainLang', values[6]),
    parseSetting('tooltipTrigger', values[7]),
  ] as const;
  return {
    enabled: on && !sites.includes(hostname),
    mode,
    enabledIds: everyday,
    dwellMs: dwell,
    timings,
    explainLang: explain,
    trigger,
  };
}

/** What a page's content script needs, for the top frame's hostname: one storage read. */
export async function pageSettings(hostname: string): Promise<PageSettings> {
  const values = new Map((await storage.getItems(PAGE_SETTING_KEYS)).map((item) => [item.key, item.value as unknown]));
  return pageSettingsFrom(
    PAGE_SETTING_KEYS.map((key) => values.get(key)),
    hostname,
  );
}

/**
 * Calls back when a setting that changes what a page highlights changes. The tooltip's own settings
 * (`dwellMs`, `tooltipTrigger`) are watched by the tooltip feature: changing them rescans nothing.
 */
export function watchPageSettings(onChange: () => void): () => void {
  const unwatch = [enabledEverywhere, disabledSites, highlightMode, everydayTermsOn].map((item) =>
    item.watch(onChange),
  );
  return () => unwatch.forEach((u) => u());
}
