import { describe, expect, it } from 'vitest';
import type { ImportedGlossaryInfo } from '@/core/imported-schema';
import {
  beginImport,
  commitImport,
  deleteGlossary,
  deleteMyTerm,
  openDatabase,
  saveMyTerm,
  saveNote,
  writeImportBatch,
} from '@/db';
import { movedOrder, orphanedNotes } from './glossaries';

let n = 0;
const freshDb = () => openDatabase(`glossaries-ui-test-${n++}`);
const info: ImportedGlossaryInfo = { id: 'iate-energy', title: 'IATE energy', format: 'tbx' };

async function importEnergy(db: ReturnType<typeof freshDb>) {
  const generation = await beginImport(db, info.id);
  await writeImportBatch(db, generation, [
    { id: '1', terms: [{ lang: 'en', text: 'Energy Union' }], definitions: [], subjectFields: [] },
  ]);
  await commitImport(db, generation, info, { languages: ['en'], entryCount: 1, bytes: 1 });
}

const note = (termId: string, text: string) => ({ termId, text, baseRevision: 0, baseText: '' });

describe('notes on deleted glossaries', () => {
  it('are listed with the term’s name and glossary, and no longer once it is imported again', async () => {
    const db = freshDb();
    await importEnergy(db);
    await saveNote(db, note('iate-energy:1', 'Mijn notitie'));
    await saveNote(db, note('etias', 'On the letter'));
    expect(await orphanedNotes(db)).toEqual([]);
    await deleteGlossary(db, info.id);
    expect(await orphanedNotes(db)).toMatchObject([
      { termId: 'iate-energy:1', glossaryId: 'iate-energy', termName: 'Energy Union', text: 'Mijn notitie' },
    ]);
    await importEnergy(db);
    expect(await orphanedNotes(db)).toEqual([]);
  });
});

describe('a note on one of the reader’s own terms', () => {
  it('stays when the term is deleted, listed with its name, and is back on it when the term is added again', async () => {
    const db = freshDb();
    const term = { name: 'North Sea Wind Alliance', lang: 'en' as const };
    const kept = await saveMyTerm(db, term);
    const other = await saveMyTerm(db, { name: 'Grid code', lang: 'en' });
    await saveNote(db, note(`my-terms:${kept.id}`, 'Met in Ostend'));
    await saveNote(db, note(`my-terms:${other.id}`, 'Still here'));
    await deleteMyTerm(db, kept.id);
    expect(await orphanedNotes(db)).toMatchObject([
      {
        termId: `my-terms:${kept.id}`,
        glossaryId: 'my-terms',
        termName: 'North Sea Wind Alliance',
        text: 'Met in Ostend',
      },
    ]);
    expect((await db.notes.get(`my-terms:${kept.id}`))?.text).toBe('Met in Ostend');
    await saveMyTerm(db, term);
    expect(await orphanedNotes(db)).toEqual([]);
  });
});

describe('moving a glossary', () => {
  it('swaps it with its neighbour, and stays put at either end', () => {
    expect(movedOrder(['letter', 'a', 'b'], 'b', -1)).toEqual(['letter', 'b', 'a']);
    expect(movedOrder(['letter', 'a', 'b'], 'letter', 1)).toEqual(['a', 'letter', 'b']);
    expect(movedOrder(['letter', 'a'], 'letter', -1)).toEqual(['letter', 'a']);
    expect(movedOrder(['letter', 'a'], 'a', 1)).toEqual(['letter', 'a']);
  });
});
