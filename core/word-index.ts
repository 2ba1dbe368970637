/**
 * The word index of an imported glossary: which entries have a term with a word starting so. The
 * popup asks it for a small candidate set (which Fuse then ranks) and the glossary page for its
 * filter. It is built once per import, in memory while the entries are written, and stored as
 * buckets — the words sharing their first BUCKET_CHARS characters, sorted, each with its entries —
 * so a query reads one row (or, for a shorter prefix, a short run of rows) and never scans entries.
 * A multi-entry IndexedDB index did the same job but doubled the import's write time.
 */
import type { ImportedEntry } from './imported-schema';
import { searchKey } from './search-index';

/** The words an entry is found by: its terms' folded words, in every language, each once. */
export function entryWords(entry: Pick<ImportedEntry, 'terms'>): Set<string> {
  const words = new Set<string>();
  for (const term of entry.terms) for (const word of searchKey(term.text).split(' ')) if (word) words.add(word);
  return words;
}

/** Words are bucketed by this many leading characters (shorter words are a bucket of their own). */
export const BUCKET_CHARS = 3;

export interface WordBucket {
  /** The words' first BUCKET_CHARS characters (or the whole word, when shorter). */
  bucket: string;
  /** Folded words, sorted, each once. */
  words: string[];
  /** For each word, the ids of the entries with it, in the order they were added. */
  ids: string[][];
}

export function bucketOf(word: string): string {
  return word.slice(0, BUCKET_CHARS);
}

/** The buckets a prefix's words are in, as a key range: one bucket from BUCKET_CHARS characters on. */
export function bucketRange(prefix: string): { from: string; to: string } {
  return prefix.length >= BUCKET_CHARS
    ? { from: bucketOf(prefix), to: bucketOf(prefix) }
    : { from: prefix, to: `${prefix}\uffff` };
}

/** Collects an import's words as its batches are written; `buckets()` gives the rows to store. */
export class WordIndexBuilder {
  private readonly postings = new Map<string, string[]>();

  add(id: string, words: Iterable<string>): void {
    for (const word of words) {
      const ids = this.postings.get(word);
      if (!ids) this.postings.set(word, [id]);
      else if (ids.at(-1) !== id) ids.push(id);
    }
  }

  get size(): number {
    return this.postings.size;
  }

  buckets(): WordBucket[] {
    const words = [...this.postings.keys()].sort(compareCodeUnits);
    const buckets: WordBucket[] = [];
    let current: WordBucket | undefined;
    for (const word of words) {
      const bucket = bucketOf(word);
      if (current?.bucket !== bucket) {
        current = { bucket, words: [], ids: [] };
        buckets.push(current);
      }
      current.words.push(word);
      current.ids.push(this.postings.get(word)!);
    }
    return buckets;
  }
}

/** IndexedDB orders string keys by UTF-16 code units; so do the buckets' words. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first word of `bucket.words` not below `prefix`. */
function lowerBound(words: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Adds to `into` the ids of entries with a word starting with `prefix`, from buckets given in key
 * order, words in sorted order (so an exact word comes before its longer ones); stops at `limit`.
 * Returns whether the limit was reached.
 */
export function collectIds(bucket: WordBucket, prefix: string, into: Set<string>, limit = Infinity): boolean {
  for (let i = lowerBound(bucket.words, prefix); i < bucket.words.length; i++) {
    if (!bucket.words[i]!.startsWith(prefix)) break;
    for (const id of bucket.ids[i]!) {
      into.add(id);
      if (into.size >= limit) return true;
    }
  }
  return false;
}
