import type { Glossary, GlossaryEntry } from '@/core/glossary-schema';
import type { GlossaryDatabase } from './database';

const VERSION_KEY = 'glossaryVersion';

export type SeedResult = 'seeded' | 'unchanged';

/**
 * Loads the bundled glossary in one transaction, keyed by its version: when the stored version
 * differs, glossary rows are replaced wholesale; when it is the same, nothing is written. Notes are
 * never touched.
 */
export async function seedGlossary(db: GlossaryDatabase, glossary: Glossary): Promise<SeedResult> {
  return db.transaction('rw', db.entries, db.meta, async () => {
    const stored = await db.meta.get(VERSION_KEY);
    if (stored?.value === glossary.version) return 'unchanged';
    await db.entries.clear();
    await db.entries.bulkPut(glossary.entries);
    await db.meta.put({ key: VERSION_KEY, value: glossary.version });
    return 'seeded';
  });
}

export async function storedGlossaryVersion(db: GlossaryDatabase): Promise<string | null> {
  return (await db.meta.get(VERSION_KEY))?.value ?? null;
}

export async function getEntry(db: GlossaryDatabase, id: string): Promise<GlossaryEntry | null> {
  return (await db.entries.get(id)) ?? null;
}

export async function allEntries(db: GlossaryDatabase): Promise<GlossaryEntry[]> {
  return db.entries.toArray();
}
