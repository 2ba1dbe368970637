import { useMemo } from 'preact/hooks';
import { prominence } from 'virtual:glossary-derived/search';
import { GlossarySearch, type SearchHit } from '@/core/search';
import { useEntries } from './entries';
import { useUiLanguage } from './i18n';
import { useNotes } from './notes';

// How often the letter mentions each term (ties in search go to the more prominent), from the build.
const letterProminence: ReadonlyMap<string, number> = new Map(Object.entries(prominence));

/** The search over every entry and the reader's notes, rebuilt when either changes (null while loading). */
function useGlossarySearch(): GlossarySearch | null {
  const entries = useEntries();
  const notes = useNotes();
  const lang = useUiLanguage();
  return useMemo(() => {
    if (!entries) return null;
    const noteTexts = new Map([...(notes?.values() ?? [])].map((n) => [n.termId, n.text]));
    const built = new GlossarySearch(entries.list, { lang, prominence: letterProminence, notes: noteTexts });
    // Since the page opened: the first moment a query can be answered (`npm run bench` reads it in the popup).
    if (!performance.getEntriesByName('benelux-glossary:search-ready').length) {
      performance.mark('benelux-glossary:search-ready');
    }
    return built;
  }, [entries, notes, lang]);
}

/** The query's hits, best first; null when there is no query or the glossary is still loading. */
export function useSearch(query: string, limit?: number): SearchHit[] | null {
  const search = useGlossarySearch();
  return useMemo(() => (query.trim() && search ? search.search(query, limit) : null), [search, query, limit]);
}
