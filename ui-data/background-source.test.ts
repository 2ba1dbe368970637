import { describe, expect, it, vi } from 'vitest';
import type { ImportedEntry } from '@/core/imported-schema';
import type { Note } from '@/core/notes';
import { sampleEntry } from '@/test/sample-glossary';
import { createBackgroundSource, type NotesBroadcast } from './background-source';
import type { BackgroundClient } from './background-writes';

const note = (termId: string, text: string, revision = 1): Note => ({
  termId,
  text,
  createdAt: 1,
  updatedAt: 1,
  revision,
});

const unused = () => Promise.reject(new Error('not in this test'));

function fakeBackground(notes: Map<string, Note>, imported = new Map<string, ImportedEntry>()) {
  return {
    ensureSeeded: unused,
    getEntry: vi.fn(({ id }: { id: string }) => Promise.resolve(id === 'gone' ? null : sampleEntry(id))),
    getImportedEntry: vi.fn(({ id }: { id: string }) =>
      Promise.resolve(imported.has(id) ? { glossary: { id: 'iate', title: 'IATE' }, entry: imported.get(id)! } : null),
    ),
    getNote: vi.fn(({ termId }: { termId: string }) => Promise.resolve(notes.get(termId) ?? null)),
    saveNote: unused,
    deleteNote: unused,
    restoreNote: unused,
    importNotes: unused,
    setKnown: unused,
  } satisfies BackgroundClient;
}

/** A stand-in for the runtime broadcast: `send` is what the background would say. */
function fakeBroadcast() {
  const fake = { listeners: 0, send: (_termId?: string) => undefined as void };
  const broadcast: NotesBroadcast = (onChange) => {
    fake.listeners++;
    fake.send = onChange;
    return () => undefined;
  };
  return { fake, broadcast };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the tooltip frame’s source (the background)', () => {
  it('asks for each entry once, and has no way to load them all', async () => {
    const client = fakeBackground(new Map());
    const source = createBackgroundSource(client, fakeBroadcast().broadcast);
    expect((await source.entry('etias'))?.id).toBe('etias');
    expect((await source.entry('etias'))?.id).toBe('etias');
    expect(await source.entry('gone')).toBeNull();
    expect(client.getEntry).toHaveBeenCalledTimes(2);
    expect(source.collections).toBeUndefined();
  });

  it('asks for an imported entry once while it is found, and again after it was missing', async () => {
    const imported = new Map<string, ImportedEntry>();
    const client = fakeBackground(new Map(), imported);
    let published = () => {};
    const source = createBackgroundSource(client, fakeBroadcast().broadcast, (onChange) => (published = onChange));
    expect(await source.importedEntry('iate:1')).toBeNull();
    imported.set('iate:1', { id: '1', terms: [{ lang: 'en', text: 'energy' }], definitions: [], subjectFields: [] });
    expect((await source.importedEntry('iate:1'))?.entry.id).toBe('1');
    expect((await source.importedEntry('iate:1'))?.glossary.title).toBe('IATE');
    expect(client.getImportedEntry).toHaveBeenCalledTimes(2);
    // Its glossary published anew (the reader edited their term): asked again, the new text shown.
    imported.set('iate:1', { id: '1', terms: [{ lang: 'en', text: 'Energy' }], definitions: [], subjectFields: [] });
    published();
    expect((await source.importedEntry('iate:1'))?.entry.terms[0]?.text).toBe('Energy');
    expect(client.getImportedEntry).toHaveBeenCalledTimes(3);
  });

  it('asks again for a watched note when it changes: by broadcast, or relayed by the host', async () => {
    const notes = new Map([['etias', note('etias', 'een')]]);
    const client = fakeBackground(notes);
    const { fake, broadcast } = fakeBroadcast();
    const source = createBackgroundSource(client, broadcast);
    const seen: (string | undefined)[] = [];
    const stop = source.watchNote('etias', (n) => seen.push(n?.text));
    const stopOther = source.watchNote('nsec', () => undefined);
    await settle();
    expect(seen).toEqual(['een']);
    expect(fake.listeners).toBe(1); // one runtime listener for every watcher

    notes.set('etias', note('etias', 'twee', 2));
    fake.send('nsec'); // another term's note: not asked again
    await settle();
    expect(seen).toEqual(['een']);
    fake.send('etias');
    await settle();
    expect(seen).toEqual(['een', 'twee']);

    notes.set('etias', note('etias', 'drie', 3));
    source.notesChanged(); // relayed by the host, any note (an import)
    await settle();
    expect(seen).toEqual(['een', 'twee', 'drie']);

    stop();
    stopOther();
    source.notesChanged('etias');
    await settle();
    expect(seen).toHaveLength(3);
  });

  it('keeps the latest answer when an earlier one arrives after it', async () => {
    const client = fakeBackground(new Map());
    const answers: ((n: Note | null) => void)[] = [];
    client.getNote.mockImplementation(() => new Promise((resolve) => answers.push(resolve)));
    const source = createBackgroundSource(client, fakeBroadcast().broadcast);
    const seen: (string | null)[] = [];
    source.watchNote('etias', (n) => seen.push(n?.text ?? null));
    source.notesChanged('etias');
    answers[1]!(note('etias', 'nieuw', 2));
    answers[0]!(note('etias', 'oud'));
    await settle();
    expect(seen).toEqual(['nieuw']);
  });
});
