import { entries, glossaryVersion } from 'virtual:glossary-derived/search';
import { openDatabase } from '@/db';
import { createDexieSource } from './dexie-source';
import type { DataSource } from './source';

/**
 * The popup's and the glossary page's source: the extension's database, opened once per page.
 * (The tooltip frame uses createBackgroundSource, and so never bundles Dexie.)
 */
export function extensionPageSource(): DataSource {
  return createDexieSource(openDatabase(), { version: glossaryVersion, entries });
}
