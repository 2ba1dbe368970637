import type { ImportedHit } from '@/core/imported-search';
import { importedSearcher } from '@/core/imported-searcher';
import { BucketCache, importedCandidateBatches, openDatabase, prefetchWordBuckets } from '@/db';
import type { SearchReply, SearchRequest } from '@/ui-data/search-worker';

// The popup's search over imported glossaries, off the popup's thread (ui-data/search-worker.ts).
// Bundled by Vite from the `new Worker(new URL(…))` in main.tsx.
const db = openDatabase();
// Opened now: the popup starts this worker at its own start, before the first query.
void db.open().catch((e: unknown) => console.error('Opening the database failed', e));

// A word's prefixes from three letters on share a word-index bucket: it is read once as the word is typed.
const buckets = new BucketCache();
const search = importedSearcher(
  (word, limit, firstBatch) => importedCandidateBatches(db, word, limit, firstBatch, buckets),
  undefined,
  // Read while the reader types: the search after the pause finds the word's buckets read.
  (word) => prefetchWordBuckets(db, word, buckets),
);

/**
 * What the popup's list shows of a hit — its names, its glossary, what matched — without the
 * definitions and notes it never reads there (the popup's thread copies every byte it receives).
 */
const listed = ({ key, glossary, entry, stage, matched }: ImportedHit): ImportedHit => ({
  key,
  glossary: { id: glossary.id, title: glossary.title },
  entry: { id: entry.id, terms: entry.terms, definitions: [], subjectFields: [] },
  stage,
  matched,
});

addEventListener('message', (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  if (request.kind !== 'imported') return;
  const { id, kind: _, ...query } = request;
  search(query, (hits, final) =>
    postMessage({ kind: 'imported', id, hits: hits?.map(listed) ?? null, final } satisfies SearchReply),
  );
});
