import { useEffect, useState } from 'preact/hooks';
import type { ImportedHit } from '@/core/imported-search';
import { useCollections } from './context';
import { useUiLanguage } from './i18n';
import { atNextFrame } from './next-frame';

/**
 * The query's hits in the reader's imported glossaries, best first (null: none asked for yet). The
 * search (core/imported-searcher.ts, in the popup's worker) reads a candidate set once typing pauses
 * and ranks it on each keystroke; its answers arrive after the render that shows the letter's hits
 * (effects run after paint), so those never wait for them. Until the first answer to a new query,
 * the last one stays: it answered the previous keystroke.
 */
export function useImportedSearch(query: string, limit = 20): ImportedHit[] | null {
  const { searchImported } = useCollections();
  const lang = useUiLanguage();
  const [hits, setHits] = useState<ImportedHit[] | null>(null);
  useEffect(() => {
    let live = true;
    searchImported({ query, lang, limit }, (found) =>
      atNextFrame(() => live && setHits((shown) => (sameHits(shown, found) ? shown : found))),
    );
    return () => {
      live = false;
    };
  }, [query, lang, limit, searchImported]);
  return hits;
}

/** Whether two answers show the same rows: the later one then changes nothing and renders nothing. */
function sameHits(a: ImportedHit[] | null, b: ImportedHit[] | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((hit, i) => {
    const other = b[i]!;
    return (
      hit.key === other.key &&
      hit.stage === other.stage &&
      JSON.stringify(hit.matched) === JSON.stringify(other.matched)
    );
  });
}
