import { useMemo } from 'preact/hooks';
import { entries as bundledEntries, prominence, searchIndexJson } from 'virtual:glossary-derived/search';
import type { Lang } from '@/core/glossary-schema';
import { GlossarySearch, type SearchHit, type SearchIndexData } from '@/core/search';
import { useEntries } from './entries';
import { useUiLanguage } from './i18n';
import { useNotes } from './notes';

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
 * loading). The bundled entries come with their index; notes are added to it as they load.
 */
function useGlossarySearch(): GlossarySearch | null {
  const entries = useEntries();
  const notes = useNotes();
  const lang = useUiLanguage();
  return useMemo(() => {
    if (!entries) return null;
    const noteTexts = new Map([...(notes?.values() ?? [])].map((n) => [n.termId, n.text]));
    const glossary = entries.list === bundledEntries ? bundledIndex(lang) : entries.list;
    const built = new GlossarySearch(glossary, { lang, prominence: letterProminence, notes: noteTexts });
    markOnce(READY_MARK);
    if (notes) markOnce(NOTES_READY_MARK);
    return built;
  }, [entries, notes, lang]);
}

/** The query's hits, best first; null when there is no query or the glossary is still loading. */
export function useSearch(query: string, limit?: number): SearchHit[] | null {
  const search = useGlossarySearch();
  return useMemo(() => (query.trim() && search ? search.search(query, limit) : null), [search, query, limit]);
}
