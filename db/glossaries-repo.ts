import { LETTER_GLOSSARY_ID, parseTermKey, termKey } from '@/core/ids';
import type { ImportedEntry, ImportedGlossaryInfo } from '@/core/imported-schema';
import type { Glossary } from '@/core/glossary-schema';
import { searchKey } from '@/core/search-index';
import { BUCKET_CHARS } from '@/core/word-index';
import type { ConceptRow, GlossaryDatabase, GlossaryRow } from './database';
import {
  deleteWordIndex,
  forgetWords,
  idsWithPrefix,
  noteWords,
  prefetchBucket,
  storeWordIndex,
  type BucketCache,
} from './word-index-repo';

/**
 * The reader's list of glossaries and the imports that fill it. An import writes its entries in many
 * small transactions under a generation that nothing reads, then one small transaction makes it the
 * glossary's live generation: the reader sees the old glossary or the new one, never half of either,
 * and tooltip reads are never held behind a giant write. What a crash or a cancel leaves behind is
 * deleted by `collectGarbage`.
 */

/** A `writing` generation untouched for this long belongs to an import that died with its page. */
export const ABANDONED_AFTER_MS = 10 * 60_000;

/** The letter's row in the list: added once, then only its count and version follow the bundle. */
export async function ensureLetterRow(db: GlossaryDatabase, bundled: Glossary, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.glossaries, async () => {
    const current = await db.glossaries.get(LETTER_GLOSSARY_ID);
    const languages = ['nl', 'en', 'fr', 'de'];
    if (current && current.entryCount === bundled.entries.length) return;
    await db.glossaries.put({
      id: LETTER_GLOSSARY_ID,
      title: current?.title ?? bundled.document.title,
      format: 'bundled',
      importedAt: current?.importedAt ?? now,
      languages,
      entryCount: bundled.entries.length,
      bytes: JSON.stringify(bundled.entries).length,
      enabled: current?.enabled ?? true,
      order: current?.order ?? 0,
      generation: '',
      ...(current?.rules ? { rules: current.rules } : {}),
    });
  });
}

/** Every glossary, in the reader's order. */
export async function listGlossaries(db: GlossaryDatabase): Promise<GlossaryRow[]> {
  return db.glossaries.orderBy('order').toArray();
}

export async function getGlossary(db: GlossaryDatabase, id: string): Promise<GlossaryRow | null> {
  return (await db.glossaries.get(id)) ?? null;
}

/** Starts an import of `glossaryId`: a new generation, written to but not shown. */
export async function beginImport(db: GlossaryDatabase, glossaryId: string, now = Date.now()): Promise<string> {
  const id = `${glossaryId}@${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  await db.generations.put({ id, glossaryId, state: 'writing', touchedAt: now });
  return id;
}

export class ImportCancelledError extends Error {
  override name = 'ImportCancelledError';
}

async function stillWriting(db: GlossaryDatabase, generation: string): Promise<void> {
  const gen = await db.generations.get(generation);
  if (gen?.state !== 'writing') throw new ImportCancelledError('This import was cancelled.');
}

/**
 * Writes one batch of an import's entries (one small transaction). Fails when the generation is no
 * longer being written (cancelled, or cleaned up as abandoned). Returns the bytes written, roughly.
 */
export async function writeImportBatch(
  db: GlossaryDatabase,
  generation: string,
  entries: readonly ImportedEntry[],
  now = Date.now(),
): Promise<number> {
  const rows: ConceptRow[] = entries.map((entry) => ({ generation, id: entry.id, entry }));
  await db.transaction('rw', db.concepts, db.generations, async () => {
    await stillWriting(db, generation);
    await db.concepts.bulkPut(rows);
    await db.generations.update(generation, { touchedAt: now });
  });
  noteWords(generation, rows);
  let bytes = 0;
  for (const entry of entries) bytes += JSON.stringify(entry).length;
  return bytes;
}

export interface ImportStats {
  languages: string[];
  entryCount: number;
  bytes: number;
}

/**
 * Makes an import visible: its word index is stored (short transactions, still invisible), then one
 * small transaction points the glossary's row at the new generation and marks the old one (if any)
 * stale for `collectGarbage`. Importing a glossary again keeps the reader's choices for it (name,
 * on/off, order, rules).
 */
export async function commitImport(
  db: GlossaryDatabase,
  generation: string,
  info: ImportedGlossaryInfo,
  stats: ImportStats,
  now = Date.now(),
): Promise<GlossaryRow> {
  await storeWordIndex(db, generation, () => stillWriting(db, generation));
  return db.transaction('rw', db.glossaries, db.generations, async () => {
    const gen = await db.generations.get(generation);
    if (gen?.state !== 'writing' || gen.glossaryId !== info.id) {
      throw new ImportCancelledError('This import was cancelled.');
    }
    const current = await db.glossaries.get(info.id);
    const last = await db.glossaries.orderBy('order').last();
    const row: GlossaryRow = {
      id: info.id,
      title: current?.title ?? info.title,
      format: info.format,
      ...(info.fileName ? { fileName: info.fileName } : {}),
      importedAt: now,
      languages: stats.languages,
      entryCount: stats.entryCount,
      bytes: stats.bytes,
      enabled: current?.enabled ?? true,
      order: current?.order ?? (last ? last.order + 1 : 1),
      generation,
      ...(current?.rules ? { rules: current.rules } : {}),
    };
    await db.glossaries.put(row);
    await db.generations.update(generation, { state: 'live', touchedAt: now });
    if (current?.generation) await db.generations.update(current.generation, { state: 'stale', touchedAt: now });
    return row;
  });
}

/** Abandons an import: its rows go now (and, should this be interrupted, with the next clean-up). */
export async function cancelImport(db: GlossaryDatabase, generation: string): Promise<void> {
  const gen = await db.generations.get(generation);
  forgetWords(generation);
  if (gen?.state !== 'writing') return;
  await db.generations.update(generation, { state: 'stale' });
  await collectGarbage(db);
}

/**
 * Deletes the rows of stale generations and of imports that died while writing, a chunk per
 * transaction so tooltip reads are never held long. Returns how many rows went.
 */
export async function collectGarbage(
  db: GlossaryDatabase,
  now = Date.now(),
  abandonedAfter = ABANDONED_AFTER_MS,
): Promise<number> {
  const gens = await db.generations.toArray();
  const live = new Set((await db.glossaries.toArray()).map((g) => g.generation));
  let removed = 0;
  for (const gen of gens) {
    const abandoned = gen.state === 'writing' && now - gen.touchedAt > abandonedAfter;
    // A generation marked live that no glossary points at (a deleted glossary) is garbage too.
    const orphaned = gen.state === 'live' && !live.has(gen.id);
    if (gen.state !== 'stale' && !abandoned && !orphaned) continue;
    for (;;) {
      const keys = await db.concepts.where('generation').equals(gen.id).limit(2_000).primaryKeys();
      if (keys.length === 0) break;
      await db.concepts.bulkDelete(keys);
      removed += keys.length;
    }
    await deleteWordIndex(db, gen.id);
    await db.generations.delete(gen.id);
  }
  return removed;
}

export async function setGlossaryEnabled(db: GlossaryDatabase, id: string, enabled: boolean): Promise<void> {
  if ((await db.glossaries.update(id, { enabled })) === 0) throw new Error(`No glossary "${id}"`);
}

export async function renameGlossary(db: GlossaryDatabase, id: string, title: string): Promise<void> {
  const trimmed = title.trim();
  if (!trimmed || trimmed.length > 200) throw new Error('A glossary name has 1 to 200 characters.');
  if ((await db.glossaries.update(id, { title: trimmed })) === 0) throw new Error(`No glossary "${id}"`);
}

/** Puts the glossaries in this order (the first wins where two claim the same words). */
export async function setGlossaryOrder(db: GlossaryDatabase, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.glossaries, async () => {
    for (const [order, id] of ids.entries()) await db.glossaries.update(id, { order });
  });
}

/**
 * Deletes an imported glossary: its row goes at once (nothing shows it any more), its entries with
 * the next clean-up. The reader's notes on its entries stay, named, so they can be listed as orphaned
 * and re-attach when the same glossary is imported again (their keys name glossary and entry).
 */
export async function deleteGlossary(db: GlossaryDatabase, id: string): Promise<void> {
  if (id === LETTER_GLOSSARY_ID)
    throw new Error('The letter’s glossary is part of the extension: switch it off instead.');
  await db.transaction('rw', [db.glossaries, db.generations, db.concepts, db.notes], async () => {
    const row = await db.glossaries.get(id);
    if (!row) return;
    const notes = await db.notes.where('termId').startsWith(`${id}:`).toArray();
    for (const note of notes) {
      if (note.termName) continue;
      const concept = await db.concepts.get([row.generation, parseTermKey(note.termId)!.entryId]);
      const name = concept?.entry.terms[0]?.text;
      if (name) await db.notes.update(note.termId, { termName: name });
    }
    await db.glossaries.delete(id);
    await db.generations.update(row.generation, { state: 'stale' });
  });
}

/** An imported entry by its term key, with its glossary; null when the glossary or entry is gone. */
export async function getImportedEntry(
  db: GlossaryDatabase,
  key: string,
): Promise<{ glossary: GlossaryRow; entry: ImportedEntry } | null> {
  const parsed = parseTermKey(key);
  if (!parsed || parsed.glossaryId === LETTER_GLOSSARY_ID) return null;
  const glossary = await db.glossaries.get(parsed.glossaryId);
  if (!glossary) return null;
  const row = await db.concepts.get([glossary.generation, parsed.entryId]);
  return row ? { glossary, entry: row.entry } : null;
}

/** The enabled imported glossaries' entries, glossary by glossary in the reader's order, in chunks. */
export async function forEachEnabledEntry(
  db: GlossaryDatabase,
  visit: (glossary: GlossaryRow, entries: ImportedEntry[]) => void,
  chunk = 5_000,
): Promise<void> {
  for (const glossary of await listGlossaries(db)) {
    if (!glossary.enabled || glossary.id === LETTER_GLOSSARY_ID) continue;
    // Entry ids are non-empty ASCII: '' is below every id, U+FFFF above.
    let from: [string, string] = [glossary.generation, ''];
    for (;;) {
      const rows = await db.concepts
        .where('[generation+id]')
        .between(from, [glossary.generation, '\uffff'], false, true)
        .limit(chunk)
        .toArray();
      if (rows.length === 0) break;
      visit(
        glossary,
        rows.map((r) => r.entry),
      );
      from = [glossary.generation, rows.at(-1)!.id];
    }
  }
}

type Candidate = { key: string; glossary: GlossaryRow; entry: ImportedEntry };

/**
 * Imported entries of enabled glossaries with a word starting with `prefix` (folded): the popup's
 * candidate set, which its search then ranks — the popup never loads every row. Glossaries in the
 * reader's order; in each, entries with the word itself before those with longer words.
 */
export async function importedCandidates(db: GlossaryDatabase, prefix: string, limit = 200): Promise<Candidate[]> {
  const found: Candidate[] = [];
  for await (const { candidates } of importedCandidateBatches(db, prefix, limit)) found.push(...candidates);
  return found;
}

/**
 * The same candidates in batches: the first `firstBatch` rows, then the rest. Each row is its own
 * IndexedDB request (~0.2 ms each in Chromium), so a first batch ranks and shows before 200 are read;
 * a consumer that stops iterating reads no more. `last` marks the final batch.
 */
export async function* importedCandidateBatches(
  db: GlossaryDatabase,
  prefix: string,
  limit = 200,
  firstBatch = limit,
  /** Buckets already read, for a reader that asks again as a word grows (the popup's search). */
  buckets?: BucketCache,
): AsyncGenerator<{ candidates: Candidate[]; last: boolean }> {
  const word = searchKey(prefix).split(' ')[0] ?? '';
  const wanted: { glossary: GlossaryRow; id: string }[] = [];
  if (word) {
    for (const glossary of await listGlossaries(db)) {
      if (!glossary.enabled || !glossary.generation || wanted.length >= limit) continue;
      for (const id of await idsWithPrefix(db, glossary.generation, word, limit - wanted.length, buckets))
        wanted.push({ glossary, id });
    }
  }
  for (let start = 0; ;) {
    const end = start === 0 ? firstBatch : wanted.length;
    const slice = wanted.slice(start, end);
    const rows = await db.concepts.bulkGet(
      slice.map(({ glossary, id }) => [glossary.generation, id] as [string, string]),
    );
    const candidates: Candidate[] = [];
    rows.forEach((row, i) => {
      const { glossary } = slice[i]!;
      if (row) candidates.push({ key: termKey(glossary.id, row.id), glossary, entry: row.entry });
    });
    const last = end >= wanted.length;
    yield { candidates, last };
    if (last) return;
    start = end;
  }
}

/**
 * Starts reading, into `buckets`, the word-index buckets of the enabled imports that every word
 * starting with `prefix` needs (from three characters on: one per import), so that
 * importedCandidateBatches with the same cache finds them read. The popup calls it as each key is
 * typed, before its search waits for typing to pause. A failure is left to that later read.
 */
export function prefetchWordBuckets(db: GlossaryDatabase, prefix: string, buckets: BucketCache): void {
  const word = searchKey(prefix).split(' ')[0] ?? '';
  if (word.length < BUCKET_CHARS) return;
  listGlossaries(db)
    .then((glossaries) => {
      for (const { enabled, generation } of glossaries)
        if (enabled && generation) prefetchBucket(db, generation, word, buckets);
    })
    .catch(() => undefined);
}

/** The reader's precision rules for one glossary (core/imported-terms.ts glossaryRulesSchema). */
export async function setGlossaryRules(
  db: GlossaryDatabase,
  id: string,
  rules: Record<string, unknown>,
): Promise<void> {
  if ((await db.glossaries.update(id, { rules })) === 0) throw new Error(`No glossary "${id}"`);
}

/**
 * One page of an imported glossary's entries in id order, after `after` — or, with `word`, of those
 * with a word starting so (folded). The glossary page lists 100 000 entries a page at a time.
 */
export async function importedEntriesPage(
  db: GlossaryDatabase,
  glossaryId: string,
  { after = '', word = '', limit = 100 }: { after?: string; word?: string; limit?: number } = {},
): Promise<ImportedEntry[]> {
  const glossary = await db.glossaries.get(glossaryId);
  if (!glossary?.generation) return [];
  const prefix = searchKey(word).split(' ')[0] ?? '';
  if (prefix) {
    const ids = (await idsWithPrefix(db, glossary.generation, prefix))
      .filter((id) => id > after)
      .sort()
      .slice(0, limit);
    const rows = await db.concepts.bulkGet(ids.map((id) => [glossary.generation, id] as [string, string]));
    return rows.flatMap((row) => (row ? [row.entry] : []));
  }
  const rows = await db.concepts
    .where('[generation+id]')
    .between([glossary.generation, after], [glossary.generation, '\uffff'], false, true)
    .limit(limit)
    .toArray();
  return rows.map((r) => r.entry);
}
