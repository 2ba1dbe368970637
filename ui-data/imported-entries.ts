import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ImportedEntry } from '@/core/imported-schema';
import { termKey } from '@/core/ids';
import { pageDatabase } from './page-db';

/** The database and its repositories (loaded beside the first render: page-db.ts). */
type PageDb = Awaited<ReturnType<typeof pageDatabase>>;

/** An imported glossary's entries as a virtual list reads them: a page at a time, as it scrolls. */
export interface ImportedEntriesList {
  /** The entries read so far, in the list's order (id order, filtered or not). */
  entries: readonly ImportedEntry[];
  /**
   * How many rows the list is tall for: the glossary's entry count unfiltered; with a filter, the
   * matches found so far, plus one row while more may come (scrolling to it asks for them).
   */
  count: number;
  /** Every row has been read. */
  complete: boolean;
  /** A read is under way. */
  loading: boolean;
  error: string | null;
  /** Asks for the rows before `end` (the list's visible rows and overscan). */
  want: (end: number) => void;
}

const PAGE = 200;
/** One read at most: a jump to the bottom of 100 000 reads in a few big pages, not 500 small ones. */
const MAX_PAGE = 5000;

/** What a list has read so far, and up to where it wants rows. */
export interface EntriesRead {
  entries: ImportedEntry[];
  complete: boolean;
  wanted: number;
}

interface Cache extends EntriesRead {
  running: boolean;
}

/** One more read for a list that has `read`: the list's entries after it, and whether they are all there. */
export async function readMoreEntries(
  { db, repo }: PageDb,
  glossaryId: string,
  word: string,
  read: EntriesRead,
): Promise<{ entries: ImportedEntry[]; complete: boolean }> {
  const limit = Math.min(MAX_PAGE, Math.max(PAGE, read.wanted - read.entries.length + PAGE));
  const after = read.entries.at(-1)?.id ?? '';
  // Filtered or not, pages come in id order: the last id read is where the next page starts.
  const rows = await repo.importedEntriesPage(db, glossaryId, { after, word, limit });
  return { entries: read.entries.concat(rows), complete: rows.length < limit };
}

/**
 * The entries of imported glossary `glossaryId` (of `total` entries, stored under `generation`),
 * read as the list asks for them and kept once read (100 000 small objects fit a page's memory);
 * `word` (a prefix, folded by the database) switches to the matching entries.
 */
export function useImportedEntries(
  glossaryId: string,
  generation: string,
  total: number,
  word: string,
): ImportedEntriesList {
  const cache = useRef<Cache>({ entries: [], complete: false, wanted: 0, running: false });
  const [, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const key = useRef('');
  /** The unfiltered list's rows, kept while a filter is on: clearing it shows them again, not a re-read. */
  const unfiltered = useRef<{ key: string; cache: Cache } | null>(null);

  const run = useCallback(async () => {
    const c = cache.current;
    if (c.running) return;
    c.running = true;
    const mine = key.current;
    setVersion((v) => v + 1);
    try {
      const page = await pageDatabase();
      while (!c.complete && c.entries.length < c.wanted && key.current === mine) {
        const next = await readMoreEntries(page, glossaryId, word, c);
        if (key.current !== mine) break; // the filter changed: its own cache reads
        c.entries = next.entries;
        c.complete = next.complete;
        setVersion((v) => v + 1);
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      c.running = false;
      setVersion((v) => v + 1);
    }
  }, [glossaryId, word]);

  const currentKey = `${glossaryId}\n${generation}\n${word}`;
  if (key.current !== currentKey) {
    key.current = currentKey;
    const kept = !word && unfiltered.current?.key === currentKey ? unfiltered.current.cache : null;
    cache.current = kept ?? { entries: [], complete: false, wanted: PAGE, running: false };
    if (!word) unfiltered.current = { key: currentKey, cache: cache.current };
  }

  useEffect(() => {
    setError(null);
    // Not before the glossary's row says where its entries are (a read now would be thrown away).
    if (generation) void run();
  }, [currentKey]);

  const want = useCallback(
    (end: number) => {
      const c = cache.current;
      if (end <= c.wanted) return;
      c.wanted = end;
      if (!c.complete && generation) void run();
    },
    [run, generation],
  );

  const c = cache.current;
  const count = c.complete ? c.entries.length : word ? c.entries.length + 1 : Math.max(total, c.entries.length);
  return { entries: c.entries, count, complete: c.complete, loading: c.running, error, want };
}

/**
 * Where entry `entryId` is in its glossary's id order (the order of the unfiltered list), and the
 * entry: for a link to one entry (`#term=glossary:entry`). Null when the glossary or the entry is not there.
 */
export async function entryPosition(
  { db, repo }: PageDb,
  glossaryId: string,
  entryId: string,
): Promise<{ index: number; entry: ImportedEntry } | null> {
  const found = await repo.getImportedEntry(db, termKey(glossaryId, entryId));
  if (!found) return null;
  const { generation } = found.glossary;
  // importedEntriesPage reads in [generation+id] order: the entry's place is the rows before it.
  const index = await db.concepts
    .where('[generation+id]')
    .between([generation, ''], [generation, entryId], true, false)
    .count();
  return { index, entry: found.entry };
}

/** entryPosition on the page's database. */
export async function locateImportedEntry(
  glossaryId: string,
  entryId: string,
): Promise<{ index: number; entry: ImportedEntry } | null> {
  return entryPosition(await pageDatabase(), glossaryId, entryId);
}
