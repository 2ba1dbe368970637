import { liveQuery } from 'dexie';
import { useMemo } from 'preact/hooks';
import { LETTER_GLOSSARY_ID, MY_TERMS_GLOSSARY_ID, parseTermKey } from '@/core/ids';
import type { Note } from '@/core/notes';
import type { GlossaryDatabase, GlossaryRow } from '@/db';
import { background } from '@/messaging/background';
import { pageDatabase } from './page-db';
import type { Watch } from './source';
import { useWatch } from './use-watch';

export type { GlossaryRow };

/** A live query on the page's database as a Watch (see use-watch.ts). */
function watchDb<T>(query: (db: GlossaryDatabase) => Promise<T>): Watch<T> {
  return (onChange) => {
    let stopped = false;
    let unsubscribe: (() => void) | undefined;
    void pageDatabase().then(({ db }) => {
      if (stopped) return;
      const subscription = liveQuery(() => query(db)).subscribe({
        next: onChange,
        error: (e: unknown) => console.error('liveQuery failed', e),
      });
      unsubscribe = () => subscription.unsubscribe();
    });
    return () => {
      stopped = true;
      unsubscribe?.();
    };
  };
}

const watchGlossaries = watchDb((db) => db.glossaries.orderBy('order').toArray());

/**
 * The reader's glossaries in their order, live (undefined while loading): only the list's rows,
 * never their entries, so a glossary of 100 000 entries costs this page one row.
 */
export function useGlossaries(): GlossaryRow[] | undefined {
  return useWatch(watchGlossaries, []);
}

/** A note whose glossary was deleted: kept, named, and re-attached if that glossary comes back. */
export interface OrphanedNote {
  termId: string;
  glossaryId: string;
  /** The term's name when its glossary was deleted. */
  termName: string | null;
  text: string;
  updatedAt: number;
}

/**
 * Notes on entries of imported glossaries that are no longer in the list, and on the reader's own terms
 * they deleted one by one, newest first.
 */
export async function orphanedNotes(db: GlossaryDatabase): Promise<OrphanedNote[]> {
  const present = new Set(await db.glossaries.toCollection().primaryKeys());
  const mine = await db.glossaries.get(MY_TERMS_GLOSSARY_ID);
  // The reader's terms number in the hundreds at most: their ids are read whole.
  const myTermIds = mine
    ? new Set((await db.concepts.where('generation').equals(mine.generation).primaryKeys()).map((k) => k[1]))
    : new Set<string>();
  // A reader's notes number in the hundreds at most: reading them all is cheap, and only
  // imported entries' keys (glossary:entry) are looked at.
  const notes: Note[] = await db.notes.filter((n) => n.termId.includes(':')).toArray();
  return notes
    .flatMap((n) => {
      const key = parseTermKey(n.termId);
      if (!key || key.glossaryId === LETTER_GLOSSARY_ID) return [];
      const gone =
        !present.has(key.glossaryId) || (key.glossaryId === MY_TERMS_GLOSSARY_ID && !myTermIds.has(key.entryId));
      if (!gone) return [];
      return [
        {
          termId: n.termId,
          glossaryId: key.glossaryId,
          termName: n.termName ?? null,
          text: n.text,
          updatedAt: n.updatedAt,
        },
      ];
    })
    .sort((a, b) => b.updatedAt - a.updatedAt);
}

const watchOrphans = watchDb(orphanedNotes);

export function useOrphanedNotes(): OrphanedNote[] | undefined {
  return useWatch(watchOrphans, []);
}

/**
 * Tells the background the list changed: it compiles the enabled set again and every open page
 * follows. Not awaited by the actions: with a big glossary on, compiling takes a while, and the list
 * shows the stored change at once (liveQuery).
 */
export function glossariesChanged(): void {
  background.glossariesChanged({}).catch((e: unknown) => {
    // The change is stored; the background also compiles the enabled set on its next start.
    console.error('Telling the background about the glossaries failed', e);
  });
}

export interface GlossaryActions {
  setEnabled: (id: string, enabled: boolean) => Promise<void>;
  /** Throws when the name is empty or too long (db/glossaries-repo renameGlossary). */
  rename: (id: string, title: string) => Promise<void>;
  /** One place up (-1) or down (+1) in the order that decides which glossary wins shared words. */
  move: (id: string, by: -1 | 1) => Promise<void>;
  /** Deletes an imported glossary; the reader's notes on it are kept. */
  remove: (id: string) => Promise<void>;
  /** The glossary's precision rules (core/imported-terms.ts): what its terms must be to be highlighted. */
  setRules: (id: string, rules: Record<string, unknown>) => Promise<void>;
  /** Drops an import the worker no longer answers for. */
  abandonImport: (generation: string) => Promise<void>;
}

/** Moves `id` by one place in `ids`; the same list when it is already at that end. */
export function movedOrder(ids: readonly string[], id: string, by: -1 | 1): string[] {
  const from = ids.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= ids.length) return [...ids];
  const next = [...ids];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

const actions: GlossaryActions = {
  async setEnabled(id, enabled) {
    const { db, repo } = await pageDatabase();
    await repo.setGlossaryEnabled(db, id, enabled);
    glossariesChanged();
  },
  async rename(id, title) {
    const { db, repo } = await pageDatabase();
    await repo.renameGlossary(db, id, title);
    glossariesChanged();
  },
  async move(id, by) {
    const { db, repo } = await pageDatabase();
    // From the stored order, not the rendered one: two quick clicks each move by one.
    const ids = (await repo.listGlossaries(db)).map((g) => g.id);
    await repo.setGlossaryOrder(db, movedOrder(ids, id, by));
    glossariesChanged();
  },
  async remove(id) {
    const { db, repo } = await pageDatabase();
    await repo.deleteGlossary(db, id);
    glossariesChanged();
    // Its entries go in the background, a chunk per transaction.
    void repo.collectGarbage(db).catch((e: unknown) => console.error('Clearing a deleted glossary failed', e));
  },
  async setRules(id, rules) {
    const { db, repo } = await pageDatabase();
    await repo.setGlossaryRules(db, id, rules);
    glossariesChanged();
  },
  async abandonImport(generation) {
    const { db, repo } = await pageDatabase();
    await repo.cancelImport(db, generation);
  },
};

export function useGlossaryActions(): GlossaryActions {
  return useMemo(() => actions, []);
}
