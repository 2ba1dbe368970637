/**
 * The search's last stage (search.ts): Fuse.js over the names and aliases of the entries that share
 * trigrams with the query, for what the word stage left (a missing space, a typo across words).
 */
import Fuse from 'fuse.js';
import { FUSE_OPTIONS, keyOfFolded, type Loaded } from './search-index';
import { topK } from './search-candidates';
import { foldText } from './text-fold';

/** The fuzzy stage: Fuse over at most this many entries, found through this many words of their titles per query word. */
const FUZZY_ENTRIES = 50;
const FUZZY_WORDS = 200;

export function fuzzyStage(base: Loaded, query: string, limit: number) {
  const folded = foldText(query.trim());
  const { titleWords } = base;
  const scores = new Map<number, number>();
  let grams = 0;
  for (const word of new Set(keyOfFolded(folded).split(' '))) {
    grams += word.length; // its trigrams, with a space before and after it
    if (word.length < 2) continue;
    const best = new Map<number, number>();
    for (const [id, shared] of titleWords.similar(word, 0.4, true, FUZZY_WORDS)) {
      for (let k = titleWords.offsets[id]!; k < titleWords.offsets[id + 1]!; k += 2) {
        const entry = titleWords.places[k]!;
        if (shared > (best.get(entry) ?? 0)) best.set(entry, shared);
      }
    }
    for (const [entry, shared] of best) scores.set(entry, (scores.get(entry) ?? 0) + shared);
  }
  // Like Fuse's threshold, a candidate must share a good part of the query's trigrams.
  const need = Math.ceil(grams * 0.4);
  const candidates = topK(
    [...scores].filter(([, shared]) => shared >= need),
    FUZZY_ENTRIES,
    (a, b) => b[1] - a[1] || a[0] - b[0],
  ).map(([entry]) => base.doc(entry));
  return new Fuse(candidates, FUSE_OPTIONS).search(folded, { limit });
}
