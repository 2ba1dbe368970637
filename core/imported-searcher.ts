import { rankImported, type ImportedCandidate, type ImportedHit } from './imported-search';
import { searchKey } from './search-index';
import { bucketOf } from './word-index';

/**
 * The popup's search over the reader's imported glossaries, kept across keystrokes: it reads a
 * candidate set from the database (entries with a word starting with the query's first word) and
 * ranks it (core/imported-search.ts) on every keystroke. The popup runs it in a worker of its own
 * (entrypoints/popup/search.worker.ts), so reading and ranking 200 entries never holds up typing;
 * the popup's thread receives the ≤ 20 hits it shows.
 */

export interface ImportedQuery {
  query: string;
  /** The reader's language (its terms and definitions rank first). */
  lang: string;
  limit: number;
}

/**
 * Hits, best first; null when the query asks for none (its first word is too short). Called again
 * with `final: false` answers while candidates are still being read — never an empty one: the rows
 * shown stay until hits or the final answer replace them (an empty interim answer made them vanish
 * and come back a moment later); the last call has `final: true`.
 */
export type ImportedAnswer = (hits: ImportedHit[] | null, final: boolean) => void;

/** One search at a time: a new one supersedes the last, which answers no more. */
export type SearchImported = (query: ImportedQuery, answer: ImportedAnswer) => void;

/** The candidates of the enabled glossaries for a word, in batches (db/glossaries-repo importedCandidateBatches). */
export type CandidateBatches = (
  word: string,
  limit: number,
  firstBatch: number,
) => AsyncIterable<{ candidates: ImportedCandidate[]; last: boolean }>;

/** The candidate set's size: what is ranked on a keystroke stays small. */
export const CANDIDATES = 200;
/** Read and ranked before the rest: the exact word's entries come first, and show at once. */
const FIRST_BATCH = 40;
/** One letter would fetch an arbitrary slice of a big glossary: from two on. */
const MIN_PREFIX = 2;
/**
 * How long typing must pause before the database is read: a burst of keys reads once, for its last.
 * (A set already read answers at once; only a new read waits.)
 */
const QUIET_MS = 30;

/**
 * `prefetch(word)` is told a searched word before typing pauses, once per word-index bucket: what
 * every longer word needs too (that bucket) can be read meanwhile, so that the read after the pause
 * finds it there.
 */
export function importedSearcher(
  batches: CandidateBatches,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  prefetch: (word: string) => void = () => undefined,
): SearchImported {
  /** The last candidate set read (or being read): a set for a prefix that held fewer than CANDIDATES holds every longer word's. */
  let read: { word: string; list: ImportedCandidate[]; complete: boolean } | null = null;
  let latest = 0;
  /** The bucket of the word last told to `prefetch`. */
  let prefetched: string | null = null;

  const search = async ({ query, lang, limit }: ImportedQuery, answer: ImportedAnswer, call: number) => {
    const word = searchKey(query).split(' ')[0] ?? '';
    if (word.length < MIN_PREFIX) return answer(null, true);
    const bucket = bucketOf(word);
    if (bucket !== prefetched) {
      prefetched = bucket;
      prefetch(word);
    }
    const rank = (list: readonly ImportedCandidate[]) => rankImported(list, query, { lang, limit });
    const held = read;
    /** Whether this query has had an answer already: then only the whole set's follows (each answer re-renders the popup's list). */
    let answered = false;
    if (held && word.startsWith(held.word)) {
      if (held.complete && (held.word === word || held.list.length < CANDIDATES)) return answer(rank(held.list), true);
      // Meanwhile, the shorter word's set: a superset, or the first of one.
      const meanwhile = rank(held.list);
      if (meanwhile.length > 0) answer(meanwhile, false);
      // (A set still being read, or left half-read, may lack this query's best: its first batch still answers.)
      answered = held.complete && meanwhile.length > 0;
    }
    await wait(QUIET_MS);
    if (call !== latest) return;
    const current = { word, list: [] as ImportedCandidate[], complete: false };
    read = current;
    for await (const { candidates, last } of batches(word, CANDIDATES, FIRST_BATCH)) {
      current.list = [...current.list, ...candidates];
      current.complete = last;
      if (call !== latest) return;
      // The first batch answers a query that has no answer yet (unless it has no hits); the last always.
      if (last) answer(rank(current.list), true);
      else if (!answered && current.list.length > 0) {
        const first = rank(current.list);
        if (first.length > 0) answer(first, false);
      }
    }
  };

  return (query, answer) => {
    const call = ++latest;
    search(query, answer, call).catch((e: unknown) => {
      console.error('Searching the imported glossaries failed', e);
      if (call === latest) answer([], true);
    });
  };
}
