import { describe, expect, it, vi } from 'vitest';
import { sampleGlossary } from '@/test/sample-glossary';
import { deferredSource } from './deferred-source';
import type { DataSource, Watch } from './source';

/** A loaded source whose watches answer with fixed values (only what these tests call). */
const setKnown = vi.fn(() => Promise.resolve());

function loadedSource(): DataSource {
  const watch =
    <T>(value: T): Watch<T> =>
    (onChange) => {
      onChange(value);
      return vi.fn();
    };
  return {
    entry: vi.fn(() => Promise.resolve(null)),
    importedEntry: vi.fn(() => Promise.resolve(null)),
    watchNote: (_termId, onChange) => watch(null)(onChange),
    notesChanged: vi.fn(),
    saveNote: vi.fn(),
    deleteNote: vi.fn(() => Promise.resolve(null)),
    restoreNote: vi.fn(),
    importNotes: vi.fn(),
    setKnown,
    collections: {
      watchEntries: watch(sampleGlossary('1.0.0', ['etias']).entries),
      watchNotes: watch([]),
      watchKnown: watch(['nsec']),
      exportNotes: vi.fn(),
      importedCandidates: vi.fn(() => Promise.resolve([])),
      searchImported: vi.fn(),
    },
  };
}

describe('a source that is still loading (the popup’s database code)', () => {
  it('gives the bundled entries at once, and the loaded source’s values once it is there', async () => {
    const bundled = sampleGlossary('1.0.0').entries;
    let resolve!: (source: DataSource) => void;
    const source = deferredSource(new Promise((r) => (resolve = r)), bundled);
    const { watchEntries, watchKnown } = source.collections!;
    expect(watchEntries.current?.()).toBe(bundled);
    const entries: unknown[] = [];
    const known: unknown[] = [];
    watchEntries((v) => entries.push(v));
    watchKnown((v) => known.push(v));
    expect(entries).toEqual([bundled]);
    expect(known).toEqual([]);
    const loaded = loadedSource();
    resolve(loaded);
    await vi.waitFor(() => expect(known).toEqual([['nsec']]));
    expect(entries.map((e) => (e as { id: string }[]).map((x) => x.id))).toEqual([['etias', 'nsec'], ['etias']]);
  });

  it('passes calls on once loaded, and starts no watch that was stopped before', async () => {
    const loaded = loadedSource();
    const source = deferredSource(Promise.resolve(loaded), []);
    const seen = vi.fn();
    source.collections!.watchNotes(seen)();
    await source.setKnown('etias', true);
    source.notesChanged('etias');
    await vi.waitFor(() => expect(loaded.notesChanged).toHaveBeenCalledWith('etias'));
    expect(setKnown).toHaveBeenCalledWith('etias', true);
    expect(seen).not.toHaveBeenCalled();
  });
});
