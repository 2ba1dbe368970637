import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@/entrypoints/background/handlers';
import {
  beginImport,
  commitImport,
  openDatabase,
  seedGlossary,
  setGlossaryEnabled,
  writeImportBatch,
  type GlossaryDatabase,
} from '@/db';
import type { ImportedEntry } from '@/core/imported-schema';
import { sampleGlossary } from '@/test/sample-glossary';
import type { BackgroundClient } from './background-writes';
import { createDexieSource } from './dexie-source';

let n = 0;
const freshDb = () => openDatabase(`dexie-source-test-${n++}`);
/** What a build ships: the glossary's version and its entries. */
const bundled = (version: string, ids?: string[]) => {
  const glossary = sampleGlossary(version, ids);
  return { version, entries: glossary.entries };
};

/** The background as the real handlers over the same database, as if called by message. */
function backgroundOver(db: GlossaryDatabase) {
  const handlers = createHandlers(db, sampleGlossary('1.0.0'));
  const client = {
    ensureSeeded: vi.fn((d: Record<string, never>) => handlers.ensureSeeded(d, {})),
    getEntry: (d) => handlers.getEntry(d, {}),
    getImportedEntry: (d) => handlers.getImportedEntry(d, {}),
    getNote: (d) => handlers.getNote(d, {}),
    saveNote: (d) => handlers.saveNote(d, {}),
    deleteNote: (d) => handlers.deleteNote(d, {}),
    restoreNote: (d) => handlers.restoreNote(d, {}),
    importNotes: (d) => handlers.importNotes(d, {}),
    setKnown: (d) => handlers.setKnown(d, {}),
  } satisfies BackgroundClient;
  return client;
}

/** The first value a watch gives that passes `ok`. */
function first<T>(watch: (onChange: (v: T) => void) => () => void, ok: (v: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const stop = watch((v) => {
      if (!ok(v)) return;
      queueMicrotask(() => stop());
      resolve(v);
    });
  });
}

describe('the extension pages’ source (Dexie)', () => {
  it('shows the bundled entries before the database has opened, and has the background seed a first run', async () => {
    const db = freshDb();
    const client = backgroundOver(db);
    const ships = bundled('1.0.0');
    const { watchEntries } = createDexieSource(db, ships, client).collections!;
    // For a page's first render, before any subscription: the very array the build ships.
    expect(watchEntries.current?.()).toBe(ships.entries);
    const seen: (readonly unknown[])[] = [];
    const stop = watchEntries((entries) => seen.push(entries));
    expect(seen).toEqual([ships.entries]);
    await vi.waitFor(() => expect(client.ensureSeeded).toHaveBeenCalledTimes(1));
    // Once seeded, the stored version is the bundled one: the same array again (nothing re-renders).
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(1));
    expect(seen.every((entries) => entries === ships.entries)).toBe(true);
    stop();
  });

  it('shows the stored entries while the database holds another version (seeding failed)', async () => {
    const db = freshDb();
    await seedGlossary(db, sampleGlossary('0.9.0', ['etias']));
    const client = { ...backgroundOver(db), ensureSeeded: vi.fn(() => Promise.reject(new Error('no seeding'))) };
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const source = createDexieSource(db, bundled('1.0.0'), client);
    const stored = await first(source.collections!.watchEntries, (entries) => entries.length === 1);
    expect(stored.map((e) => e.id)).toEqual(['etias']);
    expect(error).toHaveBeenCalledWith('Seeding the glossary failed', expect.any(Error));
    error.mockRestore();
  });

  it('does not wake the background when the stored glossary is the bundled one', async () => {
    const db = freshDb();
    await seedGlossary(db, sampleGlossary('1.0.0'));
    const client = backgroundOver(db);
    const source = createDexieSource(db, bundled('1.0.0'), client);
    expect((await source.entry('nsec'))?.id).toBe('nsec');
    expect(await first(source.collections!.watchEntries)).toHaveLength(2);
    expect(client.ensureSeeded).not.toHaveBeenCalled();
  });

  it('shows a note saved through the background in every watcher, late ones included', async () => {
    const db = freshDb();
    await seedGlossary(db, sampleGlossary('1.0.0'));
    const source = createDexieSource(db, bundled('1.0.0'), backgroundOver(db));
    const { watchNotes } = source.collections!;
    const seen = first(watchNotes, (notes) => notes.length === 1);
    const note = first<unknown>(
      (f) => source.watchNote('etias', f),
      (v) => v !== null,
    );
    await source.saveNote({ termId: 'etias', text: 'mijn notitie', baseRevision: 0, baseText: '' });
    expect((await seen)[0]?.text).toBe('mijn notitie');
    expect(await note).toMatchObject({ text: 'mijn notitie' });
    // A watcher that comes later gets the latest value from the shared query.
    const keep = watchNotes(() => undefined);
    expect((await first(watchNotes)).map((x) => x.termId)).toEqual(['etias']);
    keep();
  });

  it('shows terms marked known, live', async () => {
    const db = freshDb();
    await seedGlossary(db, sampleGlossary('1.0.0'));
    const source = createDexieSource(db, bundled('1.0.0'), backgroundOver(db));
    const known = first(source.collections!.watchKnown, (ids) => ids.length > 0);
    await source.setKnown('nsec', true);
    expect(await known).toEqual(['nsec']);
  });

  it('reads imported entries and the popup’s candidates itself, only of switched-on glossaries', async () => {
    const db = freshDb();
    await seedGlossary(db, sampleGlossary('1.0.0'));
    const entry: ImportedEntry = {
      id: '3512487',
      terms: [{ lang: 'en', text: 'energy poverty' }],
      definitions: [],
      subjectFields: ['energy'],
    };
    const generation = await beginImport(db, 'iate-energy');
    await writeImportBatch(db, generation, [entry]);
    await commitImport(
      db,
      generation,
      { id: 'iate-energy', title: 'IATE energy', format: 'tbx' },
      { languages: ['en'], entryCount: 1, bytes: 100 },
    );
    const source = createDexieSource(db, bundled('1.0.0'), backgroundOver(db));
    const found = { glossary: { id: 'iate-energy', title: 'IATE energy' }, entry };
    expect(await source.importedEntry('iate-energy:3512487')).toEqual(found);
    expect(await source.importedEntry('iate-energy:404')).toBeNull();
    expect(await source.collections!.importedCandidates('ener', 10)).toMatchObject([
      { key: 'iate-energy:3512487', ...found },
    ]);

    await setGlossaryEnabled(db, 'iate-energy', false);
    expect(await source.importedEntry('iate-energy:3512487')).toBeNull();
    expect(await source.collections!.importedCandidates('ener', 10)).toEqual([]);
  });
});
