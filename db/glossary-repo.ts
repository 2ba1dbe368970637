import type { Glossary, GlossaryEntry, Part } from '@/core/glossary-schema';
import { aliasKey } from '@/core/alias-key';
import type { EntryRow, GlossaryDatabase } from './database';

const VERSION_KEY = 'glossaryVersion';

function toRow(entry: GlossaryEntry): EntryRow {
  const keys = new Set<string>();
  for (const a of entry.aliases) keys.add(aliasKey(a.text));
  for (const f of entry.inflections) keys.add(aliasKey(f.text));
  return { ...entry, aliasKeys: [...keys] };
}

function fromRow(row: EntryRow): GlossaryEntry {
  const { aliasKeys: _keys, ...entry } = row;
  return entry;
}

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
    await db.entries.bulkPut(glossary.entries.map(toRow));
    await db.meta.put({ key: VERSION_KEY, value: glossary.version });
    return 'seeded';
  });
}

export async function storedGlossaryVersion(db: GlossaryDatabase): Promise<string | null> {
  return (await db.meta.get(VERSION_KEY))?.value ?? null;
}

export async function getEntry(db: GlossaryDatabase, id: string): Promise<GlossaryEntry | null> {
  const row = await db.entries.get(id);
  return row ? fromRow(row) : null;
}

export async function findByAlias(db: GlossaryDatabase, alias: string): Promise<GlossaryEntry[]> {
  return (await db.entries.where('aliasKeys').equals(aliasKey(alias)).toArray()).map(fromRow);
}

export async function allEntries(db: GlossaryDatabase): Promise<GlossaryEntry[]> {
  return (await db.entries.toArray()).map(fromRow);
}

export async function entriesByPart(db: GlossaryDatabase): Promise<Partial<Record<Part, GlossaryEntry[]>>> {
  const groups: Partial<Record<Part, GlossaryEntry[]>> = {};
  for (const entry of await allEntries(db)) (groups[entry.part] ??= []).push(entry);
  return groups;
}
