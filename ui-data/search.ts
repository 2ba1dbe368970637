import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { entries as bundledEntries, prominence, searchIndexJson } from 'virtual:glossary-derived/search';
import type { Lang } from '@/core/glossary-schema';
import { GlossarySearch, type SearchHit, type SearchIndexData } from '@/core/search';
import { useDataSource } from './context';
import { useEntries } from './entries';
import { useUiLanguage } from './i18n';
import { useNotes } from './notes';
import { atNextFrame } from './next-frame';
import type { LetterSetup } from './search-worker';

// How often the letter mentions each term (ties in search go to the more prominent), from the build.
const letterProminence: ReadonlyMap<string, number> = new Map(Object.entries(prominence));

/** Since the page opened: the first moment a query can be answered (`npm run bench` reads both). */
const READY_MARK = 'benelux-glossary:search-ready';
/** … and the first moment the reader's notes are searched too. */
const NOTES_READY_MARK = 'benelux-glossary:search-ready-notes';

function markOnce(name: string): void {
  if (!performance.getEntriesByName(name).length) performance.mark(name);
}

const bundledIndexes = new Map<Lang, SearchIndexData>();

/** The bundled glossary's search index, built by the build: parsed, never built, when a page opens. */
function bundledIndex(lang: Lang): SearchIndexData {
  let index = bundledIndexes.get(lang);
  if (!index) bundledIndexes.set(lang, (index = JSON.parse(searchIndexJson[lang]) as SearchIndexData));
  return index;
}

/**
 * The search over every entry and the reader's notes, again when either changes (null while
 * loading), with what it is built from. The bundled entries come with their index; notes are added
 * to it as they load.
 */
function useGlossarySearch(): { search: GlossarySearch; setup: LetterSetup } | null {
  const entries = useEntries();
  const notes = useNotes();
  const lang = useUiLanguage();
  return useMemo(() => {
    if (!entries) return null;
    const bundled = entries.list === bundledEntries;
    const setup: LetterSetup = {
      glossary: bundled ? { indexJson: searchIndexJson[lang] } : entries.list,
      lang,
      notes: new Map([...(notes?.values() ?? [])].map((n) => [n.termId, n.text])),
      prominence: letterProminence,
    };
    const search = new GlossarySearch(bundled ? bundledIndex(lang) : entries.list, setup);
    markOnce(READY_MARK);
    if (notes) markOnce(NOTES_READY_MARK);
    return { search, setup };
  }, [entries, notes, lang]);
}

/**
 * The query's hits, best first; null when there is no query, the glossary is still loading, or (in
 * the popup) the first query's answer is on its way. Where the source has a worker for it (the
 * popup), the search runs there once the worker has built its own (until then, and if the worker
 * dies, here); a new query's hits replace the last query's when they arrive.
 */
export function useSearch(query: string, limit?: number): SearchHit[] | null {
  const built = useGlossarySearch();
  const { letterSearch } = useDataSource();
  const [offThread, setOffThread] = useState(false);
  const [answer, setAnswer] = useState<SearchHit[] | null>(null);
  const asked = query.trim() ? query : '';

  useEffect(() => {
    if (built && letterSearch) letterSearch.setup(built.setup, () => setOffThread(true));
  }, [built, letterSearch]);

  useEffect(() => {
    if (!offThread || !letterSearch || !built || !asked) return;
    let live = true;
    letterSearch.search(
      { query: asked, limit },
      (hits) => atNextFrame(() => live && setAnswer(hits)),
      () => built.search.search(asked, limit),
    );
    return () => {
      live = false;
    };
  }, [offThread, letterSearch, built, asked, limit]);

  // When the worker took over while the reader typed, this thread answers until the worker's first
  // answer (its hits would vanish meanwhile); a worker ready before the first query answers them all.
  const answeredHere = useRef(false);
  const fromWorker = offThread && (answer !== null || !answeredHere.current);
  const here = useMemo(
    () => (!fromWorker && asked && built ? built.search.search(asked, limit) : null),
    [fromWorker, built, asked, limit],
  );
  if (here) answeredHere.current = true;
  if (!asked) return null;
  return fromWorker ? answer : here;
}
