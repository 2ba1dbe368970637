import { termKey } from '@/core/ids';
import { MY_TERMS_GLOSSARY_ID, myTermEntry, type MyTermInput } from '@/core/my-terms';
import type { ImportedEntry } from '@/core/imported-schema';
import { entryWords } from '@/core/word-index';
import type { GlossaryDatabase, GlossaryRow } from './database';
import { updateEntryWords } from './word-index-repo';

/**
 * The reader's own terms: one glossary in the list like an import, written a term at a time under its
 * row's generation (nothing is swapped in at once, as an import is: a first term makes the row with the
 * generation GENERATION; a restored backup brings its own), its word index updated term by term.
 */

const GENERATION = MY_TERMS_GLOSSARY_ID;

async function myTermsRow(db: GlossaryDatabase, title: string, now: number): Promise<GlossaryRow> {
  const current = await db.glossaries.get(MY_TERMS_GLOSSARY_ID);
  if (current) return current;
  const last = await db.glossaries.orderBy('order').last();
  const row: GlossaryRow = {
    id: MY_TERMS_GLOSSARY_ID,
    title,
    format: 'mine',
    importedAt: now,
    languages: [],
    entryCount: 0,
    bytes: 0,
    enabled: true,
    order: last ? last.order + 1 : 1,
    generation: GENERATION,
  };
  // A deleted "My terms" whose rows the clean-up has not reached yet: they do not come back.
  await db.concepts.where('generation').equals(GENERATION).delete();
  await db.wordIndex.where('generation').equals(GENERATION).delete();
  await db.generations.put({ id: GENERATION, glossaryId: MY_TERMS_GLOSSARY_ID, state: 'live', touchedAt: now });
  return row;
}

/**
 * Adds a term, or replaces the one with its id; returns the entry kept. `listTitle` names the glossary
 * in the list when this is the first term (in the reader's language; they may rename it).
 */
export async function saveMyTerm(
  db: GlossaryDatabase,
  input: MyTermInput,
  options: { listTitle?: string; now?: number } = {},
): Promise<ImportedEntry> {
  const entry = myTermEntry(input);
  await putMyTermEntry(db, entry, options);
  return entry;
}

/** Keeps an entry as the reader's term (checked already: myTermEntry, or another device's, by sync). */
export async function putMyTermEntry(
  db: GlossaryDatabase,
  entry: ImportedEntry,
  { listTitle = 'My terms', now = Date.now() }: { listTitle?: string; now?: number } = {},
): Promise<void> {
  await db.transaction('rw', [db.glossaries, db.generations, db.concepts, db.wordIndex], async () => {
    const row = await myTermsRow(db, listTitle, now);
    const { generation } = row;
    const previous = await db.concepts.get([generation, entry.id]);
    await db.concepts.put({ generation, id: entry.id, entry });
    await updateEntryWords(
      db,
      generation,
      entry.id,
      previous ? entryWords(previous.entry) : new Set(),
      entryWords(entry),
    );
    await db.glossaries.put(await withCounts(db, row, now));
  });
}

/**
 * Deletes one of the reader's terms. A note on it stays, named with the term (like a note on a deleted
 * glossary's entry: listed as orphaned, and back on the term if a term of the same name is added again).
 */
export async function deleteMyTerm(db: GlossaryDatabase, id: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', [db.glossaries, db.concepts, db.wordIndex, db.notes], async () => {
    const row = await db.glossaries.get(MY_TERMS_GLOSSARY_ID);
    const previous = row && (await db.concepts.get([row.generation, id]));
    if (!row || !previous) return;
    const noteKey = termKey(MY_TERMS_GLOSSARY_ID, id);
    const name = previous.entry.terms[0]?.text;
    if (name && (await db.notes.get(noteKey))) await db.notes.update(noteKey, { termName: name });
    await db.concepts.delete([row.generation, id]);
    await updateEntryWords(db, row.generation, id, entryWords(previous.entry), new Set());
    await db.glossaries.put(await withCounts(db, row, now));
  });
}

/** Every term the reader added (a few hundred at most: read whole). */
export async function myTerms(db: GlossaryDatabase): Promise<ImportedEntry[]> {
  const row = await db.glossaries.get(MY_TERMS_GLOSSARY_ID);
  if (!row) return [];
  const rows = await db.concepts.where('generation').equals(row.generation).toArray();
  return rows.map((r) => r.entry);
}

async function withCounts(db: GlossaryDatabase, row: GlossaryRow, now: number): Promise<GlossaryRow> {
  const entries = (await db.concepts.where('generation').equals(row.generation).toArray()).map((r) => r.entry);
  const languages = [...new Set(entries.flatMap((e) => e.terms.map((t) => t.lang)))].sort();
  const bytes = entries.reduce((sum, e) => sum + JSON.stringify(e).length, 0);
  return { ...row, entryCount: entries.length, languages, bytes, importedAt: now };
}
