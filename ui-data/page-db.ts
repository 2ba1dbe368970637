import type * as DbModuleNamespace from '@/db';
import type { GlossaryDatabase } from '@/db';
import { background } from '@/messaging/background';
import { keepThroughDeletion } from './database-loss';

type DbModule = typeof DbModuleNamespace;

let opened: Promise<{ db: GlossaryDatabase; repo: DbModule }> | undefined;

/**
 * The extension's database as an extension page opens it: once per page, its code (Dexie, ~100 KB)
 * loaded beside the first render. The notes source and the glossaries section share this one
 * connection.
 */
export function pageDatabase(): Promise<{ db: GlossaryDatabase; repo: DbModule }> {
  return (opened ??= import('@/db').then((repo) => {
    const db = repo.openDatabase();
    keepThroughDeletion(db, background);
    // Opened now, not on the first query of the first watch (a render later).
    void db.open().catch((e: unknown) => console.error('Opening the database failed', e));
    return { db, repo };
  }));
}
