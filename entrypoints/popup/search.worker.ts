import { importedSearcher } from '@/core/imported-searcher';
import { importedCandidateBatches, openDatabase } from '@/db';
import type { SearchReply, SearchRequest } from '@/ui-data/search-worker';

// The popup's search over imported glossaries, off the popup's thread (ui-data/search-worker.ts).
// Bundled by Vite from the `new Worker(new URL(…))` in main.tsx.
const db = openDatabase();
// Opened now: the popup starts this worker at its own start, before the first query.
void db.open().catch((e: unknown) => console.error('Opening the database failed', e));

const search = importedSearcher((word, limit, firstBatch) => importedCandidateBatches(db, word, limit, firstBatch));

addEventListener('message', (event: MessageEvent<SearchRequest>) => {
  const { id, ...query } = event.data;
  search(query, (hits, final) => postMessage({ id, hits, final } satisfies SearchReply));
});
