import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { sampleEntry, sampleGlossary } from '@/test/sample-glossary';
import { openDatabase } from './database';
import { getEntry, seedGlossary, storedGlossaryVersion } from './glossary-repo';

let n = 0;
const freshDb = () => openDatabase(`repo-test-${n++}`);

describe('seedGlossary', () => {
  it('loads every entry and records the version', async () => {
    const db = freshDb();
    expect(await seedGlossary(db, sampleGlossary('1.0.0'))).toBe('seeded');
    expect(await db.entries.count()).toBe(2);
    expect(await storedGlossaryVersion(db)).toBe('1.0.0');
  });

  it('is idempotent: the same version writes nothing', async () => {
    const db = freshDb();
    await seedGlossary(db, sampleGlossary('1.0.0'));
    let writes = 0;
    db.entries.hook('creating', () => void writes++);
    db.entries.hook('deleting', () => void writes++);
    expect(await seedGlossary(db, sampleGlossary('1.0.0'))).toBe('unchanged');
    expect(writes).toBe(0);
    expect(await db.entries.count()).toBe(2);
  });

  it('replaces glossary rows on a new version and keeps every note', async () => {
    const db = freshDb();
    await seedGlossary(db, sampleGlossary('1.0.0', ['etias', 'nsec', 'old-term']));
    const note = { termId: 'etias', text: 'Mijn notitie — niet kwijtraken', createdAt: 1, updatedAt: 2, revision: 3 };
    await db.notes.put(note);
    await db.notes.put({ ...note, termId: 'old-term' });
    expect(await seedGlossary(db, sampleGlossary('1.1.0', ['etias', 'nsec', 'gbvb']))).toBe('seeded');
    expect((await db.entries.toCollection().primaryKeys()).sort()).toEqual(['etias', 'gbvb', 'nsec']);
    // Notes are never touched, not even on a term the new version dropped.
    expect(await db.notes.get('etias')).toEqual(note);
    expect(await db.notes.get('old-term')).toEqual({ ...note, termId: 'old-term' });
    expect(await storedGlossaryVersion(db)).toBe('1.1.0');
  });

  it('leaves the old rows in place when a seed fails half-way', async () => {
    const db = freshDb();
    await seedGlossary(db, sampleGlossary('1.0.0'));
    const broken = sampleGlossary('2.0.0');
    // Two rows with the same key in one bulkPut are fine; an unserialisable value is not.
    (broken.entries[1] as unknown as Record<string, unknown>).short = { nl: 'x', en: () => 1 };
    await expect(seedGlossary(db, broken)).rejects.toThrow();
    expect(await storedGlossaryVersion(db)).toBe('1.0.0');
    expect(await db.entries.count()).toBe(2);
  });
});

describe('look-ups', () => {
  it('finds an entry by id', async () => {
    const db = freshDb();
    const glossary = sampleGlossary('1.0.0', ['etias']);
    glossary.entries.push(sampleEntry('raz', { part: '2' }));
    await seedGlossary(db, glossary);
    expect(await getEntry(db, 'raz')).toEqual(glossary.entries[1]);
  });
});

describe('schema upgrades', () => {
  it('drops the alias keys that version 1 stored with each entry', async () => {
    const name = `repo-upgrade-${n++}`;
    const old = openDatabase(name, 1);
    await old.open();
    const entry = sampleGlossary('1.0.0', ['etias']).entries[0]!;
    await old.table('entries').put({ ...entry, aliasKeys: ['etias'] });
    old.close();
    const db = openDatabase(name);
    await db.open();
    expect(db.entries.schema.indexes.map((i) => i.name)).toEqual(['part']);
    expect(await getEntry(db, 'etias')).toEqual(entry);
    db.close();
    await Dexie.delete(name);
  });
});
