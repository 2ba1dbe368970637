import { entries, glossaryVersion } from 'virtual:glossary-derived/search';
import { workerCandidates } from './candidates-worker';
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
    /** Reads the imported glossaries' search candidates off the page's thread (the popup's). */
    candidatesWorker?: () => Worker;
  } = {},
): DataSource {
  const load = Promise.all([pageDatabase(), import('./dexie-source')]).then(([{ db, repo }, dexie]) => {
    const onThisThread = (prefix: string, limit: number) => repo.importedCandidates(db, prefix, limit);
    return dexie.createDexieSource(
      db,
      { version: glossaryVersion, entries },
      undefined,
      options.candidatesWorker ? workerCandidates(options.candidatesWorker, onThisThread) : onThisThread,
    );
  });
  return deferredSource(load, entries);
}
