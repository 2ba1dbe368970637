import { entries, glossaryVersion } from 'virtual:glossary-derived/search';
import { deferredSource } from './deferred-source';
import type { DataSource } from './source';

/**
 * The popup's and the glossary page's source: the extension's database, opened once per page.
 * (The tooltip frame uses createBackgroundSource, and so never bundles Dexie.) The database code
 * loads beside the first render, which shows and searches the bundled entries meanwhile.
 */
export function extensionPageSource(): DataSource {
  const load = Promise.all([import('@/db'), import('./dexie-source')]).then(([{ openDatabase }, dexie]) => {
    const db = openDatabase();
    // Opened now, not on the first query of the first watch (a render later).
    void db.open().catch((e: unknown) => console.error('Opening the database failed', e));
    return dexie.createDexieSource(db, { version: glossaryVersion, entries });
  });
  return deferredSource(load, entries);
}
