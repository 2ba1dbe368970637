import type { GlossaryEntry } from '@/core/glossary-schema';
import type { Note } from '@/core/notes';
import type { Collections, DataSource, Watch } from './source';

/** A watch on the source once it has loaded; `initial` meanwhile (and for the first render). */
function deferWatch<T>(load: Promise<DataSource>, pick: (source: DataSource) => Watch<T>, initial?: T): Watch<T> {
  const watch: Watch<T> = (onChange) => {
    if (initial !== undefined) onChange(initial);
    let stop: (() => void) | undefined;
    let stopped = false;
    void load.then((source) => {
      if (!stopped) stop = pick(source)(onChange);
    });
    return () => {
      stopped = true;
      stop?.();
    };
  };
  watch.current = () => initial;
  return watch;
}

function collectionsOf(source: DataSource): Collections {
  if (!source.collections) throw new Error('The deferred source has no collections');
  return source.collections;
}

/**
 * A source that is still loading, as a source: calls wait for it and watches begin once it is
 * there, except the entries, which are the bundled ones at once. The popup loads its database
 * code (Dexie, ~100 KB) this way, after the first render, which needs only the bundle.
 */
export function deferredSource(load: Promise<DataSource>, entries: readonly GlossaryEntry[]): DataSource {
  return {
    entry: async (id) => (await load).entry(id),
    importedEntry: async (key) => (await load).importedEntry(key),
    watchNote: (termId, onChange) =>
      deferWatch<Note | null>(load, (s) => (change) => s.watchNote(termId, change))(onChange),
    notesChanged: (termId) => void load.then((s) => s.notesChanged(termId)),
    saveNote: async (input) => (await load).saveNote(input),
    deleteNote: async (termId) => (await load).deleteNote(termId),
    restoreNote: async (note) => (await load).restoreNote(note),
    importNotes: async (json) => (await load).importNotes(json),
    setKnown: async (termId, known) => (await load).setKnown(termId, known),
    collections: {
      watchEntries: deferWatch(load, (s) => collectionsOf(s).watchEntries, entries),
      watchNotes: deferWatch(load, (s) => collectionsOf(s).watchNotes),
      watchKnown: deferWatch(load, (s) => collectionsOf(s).watchKnown),
      exportNotes: async () => collectionsOf(await load).exportNotes(),
      importedCandidates: async (prefix, limit) => collectionsOf(await load).importedCandidates(prefix, limit),
      searchImported: (query, answer) => void load.then((s) => collectionsOf(s).searchImported(query, answer)),
    },
  };
}
