import { describe, expect, it, vi } from 'vitest';
import type { ImportedEntry, ImportedGlossaryInfo } from '@/core/imported-schema';
import { sampleGlossary } from '@/test/sample-glossary';
import { openDatabase, SCHEMA_VERSIONS } from './database';
import {
  beginImport,
  cancelImport,
  collectGarbage,
  commitImport,
  deleteGlossary,
  ensureLetterRow,
  forEachEnabledEntry,
  getImportedEntry,
  importedEntriesPage,
  importedCandidateBatches,
  importedCandidates,
  listGlossaries,
  prefetchWordBuckets,
  renameGlossary,
  setGlossaryEnabled,
  writeImportBatch,
} from './glossaries-repo';
import { saveMyTerm } from './my-terms-repo';
import { saveNote } from './notes-repo';
import { BucketCache } from './word-index-repo';

let n = 0;
const freshDb = () => openDatabase(`glossaries-test-${n++}`);

const info: ImportedGlossaryInfo = { id: 'iate-energy', title: 'IATE energy', fileName: 'energy.tbx', format: 'tbx' };
const entry = (id: string, text: string, definition = `Definition of ${text}`): ImportedEntry => ({
  id,
  terms: [{ lang: 'en', text }],
  definitions: [{ lang: 'en', text: definition }],
  subjectFields: ['energy'],
});

async function importAll(db: ReturnType<typeof freshDb>, entries: ImportedEntry[], at = 1_000) {
  const generation = await beginImport(db, info.id, at);
  for (let i = 0; i < entries.length; i += 2) await writeImportBatch(db, generation, entries.slice(i, i + 2), at);
  return commitImport(db, generation, info, { languages: ['en'], entryCount: entries.length, bytes: 1 }, at);
}

const entryIds = async (db: ReturnType<typeof freshDb>) => {
  const ids: string[] = [];
  await forEachEnabledEntry(db, (_, entries) => ids.push(...entries.map((e) => e.id)));
  return ids;
};

describe('an import', () => {
  it('shows nothing until it is committed, then all of it', async () => {
    const db = freshDb();
    const generation = await beginImport(db, info.id);
    await writeImportBatch(db, generation, [entry('1', 'Energy Union'), entry('2', 'grid code')]);
    expect(await listGlossaries(db)).toEqual([]);
    expect(await getImportedEntry(db, 'iate-energy:1')).toBeNull();
    expect(await entryIds(db)).toEqual([]);
    await commitImport(db, generation, info, { languages: ['en'], entryCount: 2, bytes: 10 });
    expect((await listGlossaries(db)).map((g) => [g.id, g.entryCount, g.enabled])).toEqual([['iate-energy', 2, true]]);
    expect((await getImportedEntry(db, 'iate-energy:2'))?.entry.terms[0]?.text).toBe('grid code');
    expect(await entryIds(db)).toEqual(['1', '2']);
  });

  it('imported again replaces the entries in place and keeps the reader’s name and switch', async () => {
    const db = freshDb();
    await importAll(db, [entry('1', 'Energy Union'), entry('2', 'grid code')]);
    await renameGlossary(db, info.id, 'My energy terms');
    await setGlossaryEnabled(db, info.id, false);
    await importAll(db, [entry('2', 'grid code', 'new text'), entry('3', 'smart meter')], 2_000);
    const [row] = await listGlossaries(db);
    expect(row).toMatchObject({ title: 'My energy terms', enabled: false, entryCount: 2, importedAt: 2_000 });
    expect(await getImportedEntry(db, 'iate-energy:1')).toBeNull();
    expect((await getImportedEntry(db, 'iate-energy:2'))?.entry.definitions[0]?.text).toBe('new text');
    // The replaced generation's rows are garbage; collecting them leaves only the live ones.
    expect(await collectGarbage(db)).toBe(2);
    expect(await db.concepts.count()).toBe(2);
    // The replaced word index went with its rows: only the live one answers, and answers right.
    expect(new Set((await db.wordIndex.toArray()).map((b) => b.generation)).size).toBe(1);
    expect((await importedEntriesPage(db, info.id, { word: 'energy' })).map((e) => e.id)).toEqual([]);
    expect((await importedEntriesPage(db, info.id, { word: 'smart' })).map((e) => e.id)).toEqual(['3']);
  });

  it('cancelled, leaves nothing and refuses further writes', async () => {
    const db = freshDb();
    const generation = await beginImport(db, info.id);
    await writeImportBatch(db, generation, [entry('1', 'Energy Union')]);
    await cancelImport(db, generation);
    await expect(writeImportBatch(db, generation, [entry('2', 'grid code')])).rejects.toThrow(/cancelled/);
    await expect(commitImport(db, generation, info, { languages: ['en'], entryCount: 1, bytes: 1 })).rejects.toThrow(
      /cancelled/,
    );
    expect(await db.concepts.count()).toBe(0);
    expect(await db.generations.count()).toBe(0);
    expect(await db.wordIndex.count()).toBe(0);
    expect(await listGlossaries(db)).toEqual([]);
  });

  it('that died while writing is cleaned up once abandoned, not while it may still be running', async () => {
    const db = freshDb();
    const generation = await beginImport(db, info.id, 1_000);
    await writeImportBatch(db, generation, [entry('1', 'Energy Union')], 1_000);
    expect(await collectGarbage(db, 1_000 + 60_000)).toBe(0);
    expect(await collectGarbage(db, 1_000 + 11 * 60_000)).toBe(1);
    expect(await db.generations.count()).toBe(0);
  });
});

describe('managing glossaries', () => {
  it('a switched-off glossary gives no entries to match or search', async () => {
    const db = freshDb();
    await importAll(db, [entry('1', 'Energy Union')]);
    expect((await importedCandidates(db, 'ener')).map((c) => c.key)).toEqual(['iate-energy:1']);
    await setGlossaryEnabled(db, info.id, false);
    expect(await entryIds(db)).toEqual([]);
    expect(await importedCandidates(db, 'ener')).toEqual([]);
  });

  it('deleting keeps the notes on its entries, named, and they re-attach on the next import', async () => {
    const db = freshDb();
    await importAll(db, [entry('1', 'Energy Union')]);
    await saveNote(db, { termId: 'iate-energy:1', text: 'Mijn notitie', baseRevision: 0, baseText: '' });
    await deleteGlossary(db, info.id);
    await collectGarbage(db);
    expect(await listGlossaries(db)).toEqual([]);
    expect(await db.concepts.count()).toBe(0);
    expect(await db.notes.get('iate-energy:1')).toMatchObject({ text: 'Mijn notitie', termName: 'Energy Union' });
    await importAll(db, [entry('1', 'Energy Union')], 3_000);
    expect((await getImportedEntry(db, 'iate-energy:1'))?.entry.terms[0]?.text).toBe('Energy Union');
    expect((await db.notes.get('iate-energy:1'))?.text).toBe('Mijn notitie');
  });

  it('the letter is listed first and cannot be deleted, only switched off', async () => {
    const db = freshDb();
    await ensureLetterRow(db, sampleGlossary('1.0.0'));
    await importAll(db, [entry('1', 'Energy Union')]);
    expect((await listGlossaries(db)).map((g) => g.id)).toEqual(['letter', 'iate-energy']);
    await expect(deleteGlossary(db, 'letter')).rejects.toThrow(/switch it off/);
    await setGlossaryEnabled(db, 'letter', false);
    expect((await listGlossaries(db))[0]?.enabled).toBe(false);
  });
});

describe('listing an imported glossary', () => {
  it('goes page by page in id order, and by a word', async () => {
    const db = freshDb();
    await importAll(db, [entry('a1', 'Energy Union'), entry('a2', 'grid code'), entry('a3', 'energy label')]);
    const first = await importedEntriesPage(db, info.id, { limit: 2 });
    expect(first.map((e) => e.id)).toEqual(['a1', 'a2']);
    expect((await importedEntriesPage(db, info.id, { after: 'a2' })).map((e) => e.id)).toEqual(['a3']);
    expect((await importedEntriesPage(db, info.id, { word: 'Énerg' })).map((e) => e.id)).toEqual(['a1', 'a3']);
    expect(await importedEntriesPage(db, 'nothing-here')).toEqual([]);
  });

  it('filtered by a word, also page by page in id order', async () => {
    const db = freshDb();
    const many = Array.from({ length: 30 }, (_, i) => entry(`e${String(i).padStart(2, '0')}`, `energy ${i}`));
    await importAll(db, [...many, entry('z', 'grid code')]);
    const pages: string[][] = [];
    let after = '';
    for (;;) {
      const page = (await importedEntriesPage(db, info.id, { word: 'ener', after, limit: 7 })).map((e) => e.id);
      if (page.length === 0) break;
      pages.push(page);
      after = page.at(-1)!;
    }
    expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 7, 2]);
    expect(pages.flat()).toEqual(many.map((e) => e.id));
  });
});

describe('the popup’s candidates', () => {
  it('come from every enabled glossary in the reader’s order, the word itself first, up to the limit', async () => {
    const db = freshDb();
    await importAll(db, [entry('1', 'energy label'), entry('2', 'energetic'), entry('3', 'Energy')]);
    expect((await importedCandidates(db, 'energy')).map((c) => c.key)).toEqual(['iate-energy:1', 'iate-energy:3']);
    expect((await importedCandidates(db, 'ENERG')).map((c) => c.key)).toEqual([
      'iate-energy:2',
      'iate-energy:1',
      'iate-energy:3',
    ]);
    expect(await importedCandidates(db, 'en', 2)).toHaveLength(2);
    expect(await importedCandidates(db, '  ')).toEqual([]);
  });

  it('come in a first batch and the rest, and no more is read once the reader stops', async () => {
    const db = freshDb();
    await importAll(
      db,
      Array.from({ length: 9 }, (_, i) => entry(String(i), `energy ${i}`)),
    );
    const batches = [];
    for await (const batch of importedCandidateBatches(db, 'energy', 200, 4))
      batches.push({ keys: batch.candidates.map((c) => c.entry.id), last: batch.last });
    expect(batches).toEqual([
      { keys: ['0', '1', '2', '3'], last: false },
      { keys: ['4', '5', '6', '7', '8'], last: true },
    ]);
    const get = vi.spyOn(db.concepts, 'bulkGet');
    for await (const batch of importedCandidateBatches(db, 'energy', 200, 4)) {
      expect(batch.candidates).toHaveLength(4);
      break;
    }
    expect(get).toHaveBeenCalledTimes(1);
    const fewer = [];
    for await (const batch of importedCandidateBatches(db, 'energy', 3, 4)) fewer.push(batch);
    expect(fewer.map((b) => [b.candidates.length, b.last])).toEqual([[3, true]]);
  });

  it('read a word’s bucket once as it grows, with a cache — an import’s; the reader’s own terms’ every time', async () => {
    const db = freshDb();
    await importAll(db, [entry('1', 'energy label'), entry('2', 'energetic')]);
    const cache = new BucketCache();
    const keys = async (word: string) => {
      const found: string[] = [];
      for await (const batch of importedCandidateBatches(db, word, 200, 40, cache))
        found.push(...batch.candidates.map((c) => c.key));
      return found;
    };
    const get = vi.spyOn(db.wordIndex, 'get');
    expect(await keys('ene')).toEqual(['iate-energy:2', 'iate-energy:1']);
    expect(await keys('energy')).toEqual(['iate-energy:1']);
    expect(await keys('energe')).toEqual(['iate-energy:2']);
    expect(get).toHaveBeenCalledTimes(1);

    // The reader's own terms change under the same generation: a cached bucket would go stale.
    const term = await saveMyTerm(db, { name: 'Energy poverty', lang: 'en' });
    expect(await keys('energy')).toEqual(['iate-energy:1', `my-terms:${term.id}`]);
    await saveMyTerm(db, { id: term.id, name: 'Fuel poverty', lang: 'en' });
    expect(await keys('energy')).toEqual(['iate-energy:1']);
  });

  it('read a word’s buckets while it is typed: the read after the pause finds them there', async () => {
    const db = freshDb();
    await importAll(db, [entry('1', 'energy label'), entry('2', 'energetic')]);
    await saveMyTerm(db, { name: 'Energy poverty', lang: 'en' });
    const cache = new BucketCache();
    const get = vi.spyOn(db.wordIndex, 'get');
    prefetchWordBuckets(db, 'en', cache); // too short: no bucket holds all its words
    prefetchWordBuckets(db, 'ene', cache);
    prefetchWordBuckets(db, 'ener', cache); // the same bucket: read once
    await vi.waitFor(() => expect(get).toHaveBeenCalledTimes(1));
    expect(get.mock.calls[0]![0]).toEqual([expect.stringMatching(/^iate-energy@/), 'ene']);
    const found: string[] = [];
    for await (const batch of importedCandidateBatches(db, 'energy', 200, 40, cache))
      found.push(...batch.candidates.map((c) => c.key));
    expect(found).toEqual(['iate-energy:1', expect.stringMatching(/^my-terms:/)]);
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('of an import stored before the word index (schema 3) are found after the upgrade', async () => {
    const name = `glossaries-upgrade-${n++}`;
    const old = openDatabase(name, 3);
    const concept = { generation: 'g@1', id: '7', entry: entry('7', 'Benelux Union'), words: ['benelux', 'union'] };
    await old.concepts.put(concept);
    await old.generations.put({ id: 'g@1', glossaryId: info.id, state: 'live', touchedAt: 1 });
    await old.glossaries.put({
      id: info.id,
      title: 'IATE',
      format: 'tbx',
      importedAt: 1,
      languages: ['en'],
      entryCount: 1,
      bytes: 1,
      enabled: true,
      order: 1,
      generation: 'g@1',
    });
    old.close();
    const db = openDatabase(name);
    expect((await importedCandidates(db, 'uni')).map((c) => c.key)).toEqual(['iate-energy:7']);
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
  });
});
