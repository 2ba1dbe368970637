import { describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import {
  collectGarbage,
  deleteGlossary,
  getImportedEntry,
  importedCandidates,
  importedEntriesPage,
  listGlossaries,
} from './glossaries-repo';
import { deleteMyTerm, myTerms, saveMyTerm } from './my-terms-repo';

let n = 0;
const freshDb = () => openDatabase(`my-terms-test-${n++}`);
const cbam = {
  name: 'Carbon Border Adjustment Mechanism',
  abbreviation: 'CBAM',
  definition: 'A levy on the carbon in imports.',
  lang: 'en' as const,
};

describe('the reader’s own terms', () => {
  it('are one glossary in the list, made with the first term, each term an entry like an import’s', async () => {
    const db = freshDb();
    expect(await listGlossaries(db)).toEqual([]);
    const entry = await saveMyTerm(db, cbam, { listTitle: 'Mijn termen', now: 5 });
    expect(entry.terms.map((t) => [t.text, t.type])).toEqual([
      ['Carbon Border Adjustment Mechanism', 'fullForm'],
      ['CBAM', 'abbreviation'],
    ]);
    expect(await listGlossaries(db)).toMatchObject([
      { id: 'my-terms', title: 'Mijn termen', format: 'mine', entryCount: 1, languages: ['en'], enabled: true },
    ]);
    expect((await getImportedEntry(db, `my-terms:${entry.id}`))?.entry).toEqual(entry);
  });

  it('are found by the popup and the glossary page’s filter as they are added, edited and deleted', async () => {
    const db = freshDb();
    const entry = await saveMyTerm(db, cbam);
    const grid = await saveMyTerm(db, { name: 'Grid code', lang: 'en' });
    expect((await importedCandidates(db, 'cbam')).map((c) => c.key)).toEqual([`my-terms:${entry.id}`]);
    expect((await importedEntriesPage(db, 'my-terms', { word: 'carb' })).map((e) => e.id)).toEqual([entry.id]);

    await saveMyTerm(db, { ...cbam, id: entry.id, name: 'Border carbon levy', abbreviation: 'BCL' });
    expect(await importedCandidates(db, 'cbam')).toEqual([]);
    expect((await importedCandidates(db, 'levy')).map((c) => c.key)).toEqual([`my-terms:${entry.id}`]);
    expect((await importedCandidates(db, 'carbon')).map((c) => c.key)).toEqual([`my-terms:${entry.id}`]);

    await deleteMyTerm(db, entry.id);
    expect(await importedCandidates(db, 'levy')).toEqual([]);
    expect((await myTerms(db)).map((e) => e.id)).toEqual([grid.id]);
    expect((await listGlossaries(db))[0]?.entryCount).toBe(1);
    expect((await importedCandidates(db, 'grid')).map((c) => c.key)).toEqual([`my-terms:${grid.id}`]);
  });

  it('deleted with the glossary, do not come back with the next term', async () => {
    const db = freshDb();
    await saveMyTerm(db, cbam);
    await deleteGlossary(db, 'my-terms');
    const grid = await saveMyTerm(db, { name: 'Grid code', lang: 'en' });
    expect((await myTerms(db)).map((e) => e.id)).toEqual([grid.id]);
    expect(await importedCandidates(db, 'cbam')).toEqual([]);
    await collectGarbage(db);
    expect((await myTerms(db)).map((e) => e.id)).toEqual([grid.id]);
  });

  it('refuses what is not a term: no name, a two-word abbreviation, an unknown language', async () => {
    const db = freshDb();
    await expect(saveMyTerm(db, { ...cbam, name: '  ' })).rejects.toThrow();
    await expect(saveMyTerm(db, { ...cbam, abbreviation: 'CB AM' })).rejects.toThrow(/one word/);
    await expect(saveMyTerm(db, { ...cbam, lang: 'xx' as 'en' })).rejects.toThrow();
    expect(await listGlossaries(db)).toEqual([]);
  });
});
