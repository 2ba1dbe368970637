import { entries, glossaryVersion } from 'virtual:glossary-derived/search';
import type { SearchWorker } from './search-worker';
import { deferredSource } from './deferred-source';
import { pageDatabase } from './page-db';
import type { DataSource } from './source';

/**
 * The popup's and the glossary page's source: the extension's database, opened once per page.
 * (The tooltip frame uses createBackgroundSource, and so never bundles Dexie.) The database code
 * loads beside the first render, which shows and searches the bundled entries meanwhile.
 */
export function extensionPageSource(
  options: {
    /** Searches the letter and the imported glossaries off the page's thread (the popup's). */
    searchWorker?: SearchWorker;
  } = {},
): DataSource {
  const load = Promise.all([pageDatabase(), import('./dexie-source')]).then(([{ db }, dexie]) => {
    const here = dexie.onThisThread(db);
    return dexie.createDexieSource(
      db,
      { version: glossaryVersion, entries },
      undefined,
      options.searchWorker ? options.searchWorker.imported(here) : here,
    );
  });
  return { ...deferredSource(load, entries), letterSearch: options.searchWorker?.letter };
}
