import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@/entrypoints/background/handlers';
import { openDatabase, seedGlossary, type GlossaryDatabase } from '@/db';
import { sampleGlossary } from '@/test/sample-glossary';
import type { BackgroundClient } from './background-writes';
import { createDexieSource } from './dexie-source';

let n = 0;
const freshDb = () => openDatabase(`dexie-source-test-${n++}`);

/** The background as the real handlers over the same database, as if called by message. */
function backgroundOver(db: GlossaryDatabase) {
  const handlers = createHandlers(db, sampleGlossary('1.0.0'));
  const client = {
    ensureSeeded: vi.fn((d: Record<string, never>) => handlers.ensureSeeded(d, {})),
    getEntry: (d) => handlers.getEntry(d, {}),
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
  it('has the background seed a first-run database, then shows every entry', async () => {
    const db = freshDb();
    const client = backgroundOver(db);
    const source = createDexieSource(db, '1.0.0', client);
    const entries = await first(source.collections!.watchEntries);
    expect(entries.map((e) => e.id)).toEqual(['etias', 'nsec']);
    expect(client.ensureSeeded).toHaveBeenCalledTimes(1);
  });

  it('does not wake the background when the stored glossary is the bundled one', async () => {
    const db = freshDb();
    await seedGlossary(db, sampleGlossary('1.0.0'));
    const client = backgroundOver(db);
    const source = createDexieSource(db, '1.0.0', client);
    expect((await source.entry('nsec'))?.id).toBe('nsec');
    expect(await first(source.collections!.watchEntries)).toHaveLength(2);
    expect(client.ensureSeeded).not.toHaveBeenCalled();
  });

  it('shows a note saved through the background in every watcher, late ones included', async () => {
    const db = freshDb();
    await seedGlossary(db, sampleGlossary('1.0.0'));
    const source = createDexieSource(db, '1.0.0', backgroundOver(db));
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
    const source = createDexieSource(db, '1.0.0', backgroundOver(db));
    const known = first(source.collections!.watchKnown, (ids) => ids.length > 0);
    await source.setKnown('nsec', true);
    expect(await known).toEqual(['nsec']);
  });
});
