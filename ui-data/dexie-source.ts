import { liveQuery } from 'dexie';
import type { GlossaryEntry } from '@/core/glossary-schema';
import {
  allEntries,
  allNotes,
  exportNotes,
  getEntry,
  getImportedEntry,
  getNote,
  importedCandidateBatches,
  importedCandidates,
  knownIds,
  storedGlossaryVersion,
  type GlossaryDatabase,
} from '@/db';
import { background } from '@/messaging/background';
import { backgroundWrites, type BackgroundClient } from './background-writes';
import { importedSearcher, type SearchImported } from '@/core/imported-searcher';
import type { DataSource, Watch } from './source';

function watchLive<T>(query: () => Promise<T>, onChange: (value: T) => void): () => void {
  const subscription = liveQuery(query).subscribe({
    next: onChange,
    error: (e: unknown) => console.error('liveQuery failed', e),
  });
  return () => subscription.unsubscribe();
}

/**
 * One live query for every hook that watches a collection (the popup's list, its search and its
 * detail all read the notes): a new watcher gets the latest value at once.
 */
function shared<T>(watch: Watch<T>, initial?: T): Watch<T> {
  const watchers = new Set<(value: T) => void>();
  let latest: { value: T } | undefined;
  let stop: (() => void) | undefined;
  const subscribe: Watch<T> = (onChange) => {
    watchers.add(onChange);
    if (latest) onChange(latest.value);
    else if (initial !== undefined) onChange(initial);
    stop ??= watch((value) => {
      latest = { value };
      for (const w of watchers) w(value);
    });
    return () => {
      watchers.delete(onChange);
      if (watchers.size > 0) return;
      stop?.();
      stop = latest = undefined;
    };
  };
  subscribe.current = () => (latest ? latest.value : initial);
  return subscribe;
}

/** The popup's search over imported glossaries, on the calling thread. */
export function onThisThread(db: GlossaryDatabase): SearchImported {
  return importedSearcher((word, limit, firstBatch) => importedCandidateBatches(db, word, limit, firstBatch));
}

/**
 * The popup's and the glossary page's source: the extension's own database, read directly, so that
 * liveQuery shows every write (from the background or another page) without reload.
 *
 * `bundled` is the glossary this build ships. On the first run, or after an update whose seeding
 * has not finished, the stored glossary differs: the background is asked to seed before entries
 * are read (the pages would otherwise show an empty or outdated glossary). The bundled entries are
 * what the database holds once seeded, so pages get them at once, before the database has opened,
 * and the database's own entries only while it holds another version (seeding failed).
 */
export function createDexieSource(
  db: GlossaryDatabase,
  bundled: { version: string; entries: readonly GlossaryEntry[] },
  client: BackgroundClient = background,
  /** Where the popup searches the imported glossaries (default: on this thread, in `db`). */
  searchImported: SearchImported = onThisThread(db),
): DataSource {
  let seeded: Promise<void> | undefined;
  const ready = () =>
    (seeded ??= (async () => {
      if ((await storedGlossaryVersion(db)) === bundled.version) return;
      await client.ensureSeeded({}).then(
        () => undefined,
        (e: unknown) => console.error('Seeding the glossary failed', e),
      );
    })());

  return {
    async entry(id) {
      await ready();
      return getEntry(db, id);
    },
    async importedEntry(key) {
      const found = await getImportedEntry(db, key);
      // A switched-off glossary is not explained (GlossaryRow.enabled).
      return found?.glossary.enabled
        ? { glossary: { id: found.glossary.id, title: found.glossary.title }, entry: found.entry }
        : null;
    },
    watchNote: (termId, onChange) => watchLive(() => getNote(db, termId), onChange),
    // liveQuery already sees every write in this origin.
    notesChanged: () => undefined,
    ...backgroundWrites(client),
    collections: {
      watchEntries: shared((onChange) => {
        let stop: (() => void) | undefined;
        let stopped = false;
        void ready().then(() => {
          if (stopped) return;
          // Live on the stored version: the same array again while it is the bundled one.
          stop = watchLive(
            async () => ((await storedGlossaryVersion(db)) === bundled.version ? bundled.entries : allEntries(db)),
            onChange,
          );
        });
        return () => {
          stopped = true;
          stop?.();
        };
      }, bundled.entries),
      watchNotes: shared((onChange) => watchLive(() => allNotes(db), onChange)),
      watchKnown: shared((onChange) => watchLive(() => knownIds(db), onChange)),
      exportNotes: async () => exportNotes(db, (await storedGlossaryVersion(db)) ?? undefined),
      importedCandidates: (prefix, limit) => importedCandidates(db, prefix, limit),
      searchImported,
    },
  };
}
