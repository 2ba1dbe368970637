import { storage } from '@wxt-dev/storage';

/**
 * User settings live in browser.storage (not in Dexie): content scripts can read them directly and
 * are told of changes through `watch`, so a toggle applies to open tabs without a reload.
 */
export const enabledEverywhere = storage.defineItem<boolean>('local:enabled', { fallback: true });
/** Hostnames (of the top frame) where the user switched the extension off. */
export const disabledSites = storage.defineItem<string[]>('local:disabledSites', { fallback: [] });
export type HighlightMode = 'all' | 'first';
export const highlightMode = storage.defineItem<HighlightMode>('local:highlightMode', { fallback: 'all' });
/** Everyday-word entries (highlight:false) the user asked to see highlighted. */
export const everydayTermsOn = storage.defineItem<string[]>('local:everydayTermsOn', { fallback: [] });

/** How long the pointer rests on a term before its tooltip shows. */
export const dwellMs = storage.defineItem<number>('local:dwellMs', { fallback: 300 });

/**
 * `npm run bench` switches this on to have the content script leave performance measures in the
 * page's timeline. Off for readers: a page could otherwise time when its reader looks terms up.
 */
export const benchTimings = storage.defineItem<boolean>('local:benchTimings', { fallback: false });

export interface PageSettings {
  enabled: boolean;
  mode: HighlightMode;
  enabledIds: string[];
  dwellMs: number;
  timings: boolean;
}

export async function pageSettings(hostname: string): Promise<PageSettings> {
  const [on, sites, mode, everyday, dwell, timings] = await Promise.all([
    enabledEverywhere.getValue(),
    disabledSites.getValue(),
    highlightMode.getValue(),
    everydayTermsOn.getValue(),
    dwellMs.getValue(),
    benchTimings.getValue(),
  ]);
  return { enabled: on && !sites.includes(hostname), mode, enabledIds: everyday, dwellMs: dwell, timings };
}

export function watchPageSettings(onChange: () => void): () => void {
  const unwatch = [enabledEverywhere, disabledSites, highlightMode, everydayTermsOn, dwellMs].map((item) =>
    item.watch(onChange),
  );
  return () => unwatch.forEach((u) => u());
}
