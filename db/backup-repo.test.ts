import { describe, expect, it } from 'vitest';
import { BackupError, type Backup } from '@/core/backup';
import type { ImportedEntry } from '@/core/imported-schema';
import { sampleBackup } from '@/test/sample-backup';
import { sampleGlossary } from '@/test/sample-glossary';
import { checkBackup, collectBackup, restoreBackup } from './backup-repo';
import { openDatabase, type GlossaryDatabase } from './database';
import {
  importedCandidates,
  beginImport,
  commitImport,
  ensureLetterRow,
  getImportedEntry,
  listGlossaries,
  writeImportBatch,
} from './glossaries-repo';
import { seedGlossary } from './glossary-repo';
import { myTerms, saveMyTerm } from './my-terms-repo';
import { markKnown } from './known-repo';
import { importNotes, saveNote } from './notes-repo';

let n = 0;
async function freshDb(): Promise<GlossaryDatabase> {
  const db = openDatabase(`backup-test-${n++}`);
  await seedGlossary(db, sampleGlossary());
  await ensureLetterRow(db, sampleGlossary(), 1);
  return db;
}

const entry = (id: string, text = `term ${id}`): ImportedEntry => ({
  id,
  terms: [{ lang: 'en', text }],
  definitions: [],
  subjectFields: [],
});

async function importGlossary(db: GlossaryDatabase, id: string, entries: ImportedEntry[]) {
  const generation = await beginImport(db, id, 2);
  await writeImportBatch(db, generation, entries, 2);
  await commitImport(
    db,
    generation,
    { id, title: id, format: 'csv' },
    { languages: ['en'], entryCount: entries.length, bytes: 9 },
    2,
  );
}

async function backupText(db: GlossaryDatabase, includeGlossaries: boolean): Promise<string> {
  let text = '';
  const chunks = await collectBackup(db, {
    settings: { highlightMode: 'first' },
    extensionVersion: '0.1.0',
    includeGlossaries,
    now: 10,
  });
  for await (const piece of chunks) text += piece;
  return text;
}

/** Everything the database holds that a restore could touch, to compare before and after. */
async function snapshot(db: GlossaryDatabase) {
  return {
    notes: await db.notes.toArray(),
    known: await db.known.toArray(),
    glossaries: await db.glossaries.toArray(),
    generations: (await db.generations.toArray()).filter((g) => g.state !== 'stale'),
    concepts: await db.concepts.count(),
  };
}

const restoreText = async (db: GlossaryDatabase, text: string) => restoreBackup(db, await checkBackup(db, text));

describe('a backup', () => {
  it('moves notes, known terms, the list and the imported entries to another database', async () => {
    const from = await freshDb();
    await saveNote(from, { termId: 'etias', text: 'Mijn notitie', baseRevision: 0, baseText: '' });
    await markKnown(from, 'nsec');
    await importGlossary(from, 'iate-energy', [entry('1', 'Energy Union'), entry('7', 'grid code')]);
    await saveNote(from, { termId: 'iate-energy:7', text: 'on grid code', baseRevision: 0, baseText: '' });
    await from.glossaries.update('iate-energy', { title: 'Energy (mine)', enabled: false, rules: { minLength: 4 } });
    await from.glossaries.update('letter', { order: 5 });

    const to = await freshDb();
    await importGlossary(to, 'only-here', [entry('x')]);
    const result = await restoreText(to, await backupText(from, true));
    expect(result).toEqual({
      notes: { added: 2, updated: 0, kept: 0 },
      known: 1,
      glossaries: 1,
      entries: 2,
      skipped: [],
    });
    expect((await to.notes.toArray()).map((n) => [n.termId, n.text])).toEqual([
      ['etias', 'Mijn notitie'],
      ['iate-energy:7', 'on grid code'],
    ]);
    expect(await to.known.toCollection().primaryKeys()).toEqual(['nsec']);
    expect((await listGlossaries(to)).map((g) => [g.id, g.title, g.enabled, g.order, g.entryCount])).toEqual([
      ['iate-energy', 'Energy (mine)', false, 0, 2],
      ['letter', 'Brief', true, 1, 2],
      ['only-here', 'only-here', true, 2, 1],
    ]);
    expect((await to.glossaries.get('iate-energy'))?.rules).toEqual({
      skipCommon: true,
      abbreviationsCaseExact: true,
      minLength: 4,
      statuses: ['preferred', 'admitted'],
    });
    expect((await getImportedEntry(to, 'iate-energy:7'))?.entry.terms[0]?.text).toBe('grid code');
  });

  it('without the entries, sets the list for glossaries here and names those that are not', async () => {
    const from = await freshDb();
    await importGlossary(from, 'iate-energy', [entry('1')]);
    await importGlossary(from, 'not-there', [entry('1')]);
    await from.glossaries.update('iate-energy', { title: 'Renamed', enabled: false });
    const to = await freshDb();
    await importGlossary(to, 'iate-energy', [entry('1'), entry('2')]);
    const result = await restoreText(to, await backupText(from, false));
    expect(result.skipped).toEqual(['not-there']);
    expect((await listGlossaries(to)).map((g) => [g.id, g.title, g.enabled, g.entryCount])).toEqual([
      ['letter', 'Brief', true, 2],
      ['iate-energy', 'Renamed', false, 2],
    ]);
  });

  it('always carries my terms (they exist nowhere else), which keep taking new terms after the restore', async () => {
    const from = await freshDb();
    const cbam = await saveMyTerm(from, {
      name: 'Carbon Border Adjustment Mechanism',
      abbreviation: 'CBAM',
      lang: 'en',
    });
    const to = await freshDb();
    await restoreText(to, await backupText(from, false));
    expect((await listGlossaries(to)).find((g) => g.id === 'my-terms')).toMatchObject({
      format: 'mine',
      entryCount: 1,
    });
    expect((await myTerms(to)).map((e) => e.id)).toEqual([cbam.id]);
    expect((await importedCandidates(to, 'cbam')).map((c) => c.key)).toEqual([`my-terms:${cbam.id}`]);
    const grid = await saveMyTerm(to, { name: 'Grid code', lang: 'en' });
    expect((await myTerms(to)).map((e) => e.id).sort()).toEqual([cbam.id, grid.id].sort());
    expect((await listGlossaries(to)).find((g) => g.id === 'my-terms')?.entryCount).toBe(2);
  });

  it('merges notes as the notes import does: the newer note wins, ours if it is newer', async () => {
    const db = await freshDb();
    const backup: Backup = { ...sampleBackup(), glossaries: [] };
    // Here: etias written later than the backup's (kept), nsec older than... not in the backup (kept).
    await importNotes(db, {
      ...backup.notes,
      notes: [
        { termId: 'etias', text: 'newer here', createdAt: 1, updatedAt: 50, revision: 4 },
        { termId: 'nsec', text: 'only here', createdAt: 1, updatedAt: 1, revision: 1 },
        { termId: 'iate-energy:7', text: 'older here', createdAt: 0, updatedAt: 0, revision: 3 },
      ],
    });
    const result = await restoreBackup(db, await checkBackup(db, JSON.stringify(backup)));
    expect(result.notes).toEqual({ added: 0, updated: 1, kept: 1 });
    expect((await db.notes.toArray()).map((n) => [n.termId, n.text, n.revision])).toEqual([
      ['etias', 'newer here', 4],
      ['iate-energy:7', 'On an imported entry', 4],
      ['nsec', 'only here', 1],
    ]);
  });

  it('changes nothing when a write fails halfway (the entries were written, the rest was not)', async () => {
    const from = await freshDb();
    await importGlossary(
      from,
      'iate-energy',
      Array.from({ length: 1_200 }, (_, i) => entry(String(i))),
    );
    await saveNote(from, { termId: 'etias', text: 'note', baseRevision: 0, baseText: '' });
    await markKnown(from, 'nsec');
    const to = await freshDb();
    const before = await snapshot(to);
    const backup = await checkBackup(to, await backupText(from, true));
    // Another page cancels the generation being written (as the import dialog's Cancel would).
    let cancelled = false;
    const restoring = restoreBackup(to, backup, {
      onProgress: (done) => {
        if (done < 1_200 || cancelled) return;
        cancelled = true;
        void to.generations.toCollection().modify({ state: 'stale' });
      },
    });
    await expect(restoring).rejects.toThrow(/cancelled/);
    expect(await snapshot(to)).toEqual(before);
  });

  for (const [what, broken] of [
    ['a wrong format', (j: Record<string, unknown>) => (j.format = 'benelux-glossary-notes')],
    ['a newer version', (j: Record<string, unknown>) => (j.version = 2)],
    ['a bad note', (j: Backup) => (j.notes.notes[0]!.text = 'x'.repeat(10_001))],
    ['a bad setting value', (j: Backup) => (j.settings.dwellMs = -5)],
    ['a glossary twice', (j: Backup) => j.glossaries.push(j.glossaries[0]!)],
    ['a bad entry', (j: Backup) => (j.glossaryFiles![0]!.entries[0]!.terms = [])],
  ] as const) {
    it(`is refused with one clear error for ${what}, and nothing is written`, async () => {
      const from = await freshDb();
      await importGlossary(from, 'iate-energy', [entry('1')]);
      await saveNote(from, { termId: 'etias', text: 'from the other browser', baseRevision: 0, baseText: '' });
      const json = JSON.parse(await backupText(from, true)) as Backup;
      (broken as (j: Backup) => void)(json);
      const to = await freshDb();
      await saveNote(to, { termId: 'nsec', text: 'mine', baseRevision: 0, baseText: '' });
      const before = await snapshot(to);
      const error = await restoreText(to, JSON.stringify(json)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupError);
      expect((error as BackupError).problems).toHaveLength(1);
      expect(await snapshot(to)).toEqual(before);
    });
  }

  it('cut short is refused, and nothing is written', async () => {
    const from = await freshDb();
    await saveNote(from, { termId: 'etias', text: 'x', baseRevision: 0, baseText: '' });
    const text = await backupText(from, true);
    const to = await freshDb();
    const before = await snapshot(to);
    await expect(restoreText(to, text.slice(0, -20))).rejects.toThrow(/not valid JSON/);
    expect(await snapshot(to)).toEqual(before);
  });
});
