import type { ImportedHit } from '@/core/imported-search';
import type { ImportedQuery, SearchImported } from '@/core/imported-searcher';

/**
 * The popup's search over imported glossaries, run in a worker (entrypoints/popup/search.worker.ts):
 * a candidate read is one word-index bucket and up to 200 rows, each row its own IndexedDB request,
 * and ranking them takes up to tens of milliseconds; on the popup's thread that held up typing.
 * Here the popup's thread sends the query and receives the ≤ 20 hits it shows.
 */

export interface SearchRequest extends ImportedQuery {
  id: number;
}

/** (A failed search answers no hits, final: core/imported-searcher.ts.) */
export interface SearchReply {
  id: number;
  hits: ImportedHit[] | null;
  final: boolean;
}

/**
 * Searches in a worker — started now, so its database is open by the first query; a worker that
 * fails to start or dies answers the pending search and every later one through `fallback` (the same
 * search on this thread). One search at a time, like every SearchImported: a reply to an older one
 * is dropped.
 */
export function workerSearch(createWorker: () => Worker, fallback: SearchImported): SearchImported {
  let worker: Worker | null | undefined;
  let next = 0;
  let pending: { id: number; query: ImportedQuery; answer: Parameters<SearchImported>[1] } | null = null;

  const broken = (reason: unknown) => {
    console.error('The search worker failed; searching on the page instead', reason);
    worker?.terminate();
    worker = null;
    if (pending) fallback(pending.query, pending.answer);
    pending = null;
  };

  const start = (): Worker | null => {
    if (worker !== undefined) return worker;
    try {
      worker = createWorker();
    } catch (e) {
      broken(e);
      return null;
    }
    worker.addEventListener('message', (event: MessageEvent<SearchReply>) => {
      const reply = event.data;
      if (!pending || reply.id !== pending.id) return;
      const { answer } = pending;
      if (reply.final) pending = null;
      answer(reply.hits, reply.final);
    });
    worker.addEventListener('error', (event) => broken(event.message || 'error'));
    worker.addEventListener('messageerror', () => broken('messageerror'));
    return worker;
  };

  start();
  return (query, answer) => {
    const target = start();
    if (!target) return fallback(query, answer);
    pending = { id: next++, query, answer };
    target.postMessage({ id: pending.id, ...query } satisfies SearchRequest);
  };
}
