import { useEffect, useState } from 'preact/hooks';
import { rankImported, type ImportedCandidate, type ImportedHit } from '@/core/imported-search';
import { searchKey } from '@/core/search';
import { useCollections } from './context';
import { useUiLanguage } from './i18n';

/** How long the popup waits for typing to pause before it reads the database (one bucket and ≤ 200 rows). */
const QUIET_MS = 40;
/** The candidate set's size: what Fuse ranks on a keystroke stays small. */
const CANDIDATES = 200;
/** One letter would fetch an arbitrary slice of a big glossary: from two on. */
const MIN_PREFIX = 2;

/**
 * The query's hits in the reader's imported glossaries, best first (null: none asked for yet).
 * The database gives the entries with a word starting with the query's first word, once typing
 * pauses; each keystroke ranks that set again (after the letter's hits have painted). A set read for a shorter prefix that held
 * fewer than the limit already holds every entry a longer one would: the database is not asked again.
 */
export function useImportedSearch(query: string, limit = 20): ImportedHit[] | null {
  const { importedCandidates } = useCollections();
  const lang = useUiLanguage();
  const word = searchKey(query).split(' ')[0] ?? '';
  const [read, setRead] = useState<{ word: string; list: ImportedCandidate[] } | null>(null);
  const covers = (set: typeof read): set is NonNullable<typeof read> =>
    !!set && word.startsWith(set.word) && (set.word === word || set.list.length < CANDIDATES);

  useEffect(() => {
    if (word.length < MIN_PREFIX || covers(read)) return;
    let live = true;
    const timer = setTimeout(() => {
      importedCandidates(word, CANDIDATES).then(
        (list) => live && setRead({ word, list }),
        (e: unknown) => console.error('Searching the imported glossaries failed', e),
      );
    }, QUIET_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [word, importedCandidates]);

  // Ranked after the render that shows the letter's hits (effects run after paint), so they never
  // wait for it; until then the last ranking stays (it answered the previous keystroke).
  const [ranked, setRanked] = useState<ImportedHit[] | null>(null);
  useEffect(() => {
    // A set read for a prefix of this word still answers while the new one is read (a superset, or
    // the first CANDIDATES of one).
    if (word.length < MIN_PREFIX || !read || !word.startsWith(read.word)) setRanked(null);
    else setRanked(rankImported(read.list, query, { lang, limit }));
  }, [read, word, query, lang, limit]);
  return ranked;
}
