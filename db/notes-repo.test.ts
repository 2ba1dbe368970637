import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { sampleGlossary } from '@/test/sample-glossary';
import { parseNotesExport } from '@/core/notes-export';
import { SCHEMA_VERSIONS, openDatabase } from './database';
import { seedGlossary } from './glossary-repo';
import { CONFLICT_MARKER, deleteNote, exportNotes, getNote, importNotes, restoreNote, saveNote } from './notes-repo';

let n = 0;
const fresh = () => openDatabase(`notes-test-${n++}`);
const save = (db: ReturnType<typeof fresh>, text: string, baseRevision: number, baseText: string, now?: number) =>
  saveNote(db, { termId: 'etias', text, baseRevision, baseText }, now);

describe('saveNote', () => {
  it('creates, updates and counts revisions', async () => {
    const db = fresh();
    const a = await save(db, 'eerste', 0, '', 10);
    expect(a).toMatchObject({ conflict: false, note: { text: 'eerste', revision: 1, createdAt: 10, updatedAt: 10 } });
    const b = await save(db, 'eerste versie', 1, 'eerste', 20);
    expect(b.note).toMatchObject({ text: 'eerste versie', revision: 2, createdAt: 10, updatedAt: 20 });
  });

  it('never lets a write from an old revision overwrite newer text', async () => {
    const db = fresh();
    await save(db, 'Basis', 0, '');
    // Two editors opened at revision 1: the popup saves first, the tooltip second.
    await save(db, 'Basis. Popup', 1, 'Basis');
    const late = await save(db, 'Basis. Tooltip', 1, 'Basis');
    expect(late.conflict).toBe(true);
    expect(late.note?.text).toBe('Basis. Popup. Tooltip');
    const diverged = await save(db, 'Totaal anders', 2, 'Basis. Popup');
    expect(diverged.note?.text).toBe(`Basis. Popup. Tooltip\n\n${CONFLICT_MARKER}\nTotaal anders`);
  });

  it('recreates a note deleted while an editor was open', async () => {
    const db = fresh();
    await save(db, 'x', 0, '');
    await deleteNote(db, 'etias');
    const r = await save(db, 'x en meer', 1, 'x');
    expect(r.note?.text).toBe('x en meer');
  });

  it('deletes when cleared, and undo brings the note back', async () => {
    const db = fresh();
    await save(db, 'weg ermee', 0, '');
    const removed = await deleteNote(db, 'etias');
    expect(await getNote(db, 'etias')).toBeNull();
    await restoreNote(db, removed!);
    expect((await getNote(db, 'etias'))?.text).toBe('weg ermee');
  });
});

describe('import', () => {
  const known = new Set(['etias', 'nsec']);
  it('is all or nothing: a failing note leaves every note as it was', async () => {
    const db = fresh();
    await save(db, 'mijn notitie', 0, '', 100);
    const data = parseNotesExport(
      JSON.stringify({
        format: 'benelux-glossary-notes',
        version: 1,
        exportedAt: new Date().toISOString(),
        notes: [
          { termId: 'etias', text: 'nieuwer', createdAt: 1, updatedAt: 500, revision: 1 },
          { termId: 'nsec', text: 'nieuw', createdAt: 1, updatedAt: 1, revision: 1 },
        ],
      }),
      known,
    );
    // Make the second put fail inside the transaction.
    db.notes.hook('creating', (_key, obj: { termId: string }) => {
      if (obj.termId === 'nsec') throw new Error('disk full');
    });
    await expect(importNotes(db, data)).rejects.toThrow('disk full');
    expect((await getNote(db, 'etias'))?.text).toBe('mijn notitie');
    expect(await getNote(db, 'nsec')).toBeNull();
  });

  it('the newer note wins; an older one is kept out', async () => {
    const db = fresh();
    await save(db, 'lokaal, nieuw', 0, '', 1000);
    await saveNote(db, { termId: 'nsec', text: 'lokaal, oud', baseRevision: 0, baseText: '' }, 10);
    const data = await exportNotes(db);
    data.notes = [
      { termId: 'etias', text: 'import, oud', createdAt: 1, updatedAt: 500, revision: 9 },
      { termId: 'nsec', text: 'import, nieuw', createdAt: 1, updatedAt: 2000, revision: 1 },
    ];
    expect(await importNotes(db, data)).toEqual({ added: 0, updated: 1, kept: 1 });
    expect((await getNote(db, 'etias'))?.text).toBe('lokaal, nieuw');
    expect(await getNote(db, 'nsec')).toMatchObject({ text: 'import, nieuw', revision: 2 });
  });

  it('round-trips through export', async () => {
    const a = fresh();
    await save(a, 'één', 0, '');
    const json = JSON.stringify(await exportNotes(a, '1.0.0'));
    const b = fresh();
    expect(await importNotes(b, parseNotesExport(json, known))).toEqual({ added: 1, updated: 0, kept: 0 });
    expect((await getNote(b, 'etias'))?.text).toBe('één');
  });
});

describe('schema upgrades and glossary updates', () => {
  it('keeps every note when a database from each earlier schema version is upgraded', async () => {
    for (let version = 1; version <= SCHEMA_VERSIONS.length; version++) {
      const name = `upgrade-from-${version}-${n++}`;
      const old = openDatabase(name, version);
      await old.open();
      await old.table('notes').bulkPut([
        { termId: 'etias', text: `v${version}`, createdAt: 1, updatedAt: 2, revision: 1 },
        { termId: 'gbvb', text: 'tweede', createdAt: 1, updatedAt: 2, revision: 3 },
      ]);
      old.close();
      const db = openDatabase(name);
      await db.open();
      expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
      expect((await db.notes.toArray()).map((x) => x.text).sort()).toEqual([`v${version}`, 'tweede'].sort());
      db.close();
      await Dexie.delete(name);
    }
  });

  it('keeps a note written under the previous glossary version', async () => {
    const db = fresh();
    await seedGlossary(db, sampleGlossary('1.0.0'));
    await save(db, 'onder versie 1', 0, '');
    await seedGlossary(db, sampleGlossary('2.0.0'));
    expect((await getNote(db, 'etias'))?.text).toBe('onder versie 1');
  });
});
