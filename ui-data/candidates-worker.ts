import type { ImportedCandidate } from '@/core/imported-search';

/**
 * The popup's imported-glossary candidates read in a worker (entrypoints/popup/candidates.worker.ts).
 * A read is one word-index bucket and up to 200 rows, each row its own IndexedDB request; on the
 * popup's thread those requests cost ~100 ms of main-thread time a keystroke at 100 000 entries.
 * In the worker, the popup's thread receives one message.
 */

export interface CandidatesRequest {
  id: number;
  prefix: string;
  limit: number;
}

export type CandidatesReply = { id: number; candidates: ImportedCandidate[] } | { id: number; error: string };

export type FindCandidates = (prefix: string, limit: number) => Promise<ImportedCandidate[]>;

/**
 * Asks a worker for candidates — started now, so its database is open by the first query; a worker
 * that fails to start or dies answers its pending and later requests through `fallback` (the same
 * read on this thread).
 */
export function workerCandidates(createWorker: () => Worker, fallback: FindCandidates): FindCandidates {
  let worker: Worker | null | undefined;
  let next = 0;
  const pending = new Map<
    number,
    { prefix: string; limit: number; resolve: (c: ImportedCandidate[]) => void; reject: (e: Error) => void }
  >();

  const broken = (reason: unknown) => {
    console.error('The search worker failed; searching on the page instead', reason);
    worker?.terminate();
    worker = null;
    for (const [id, request] of pending) {
      pending.delete(id);
      fallback(request.prefix, request.limit).then(request.resolve, request.reject);
    }
  };

  const start = (): Worker | null => {
    if (worker !== undefined) return worker;
    try {
      worker = createWorker();
    } catch (e) {
      broken(e);
      return null;
    }
    worker.addEventListener('message', (event: MessageEvent<CandidatesReply>) => {
      const request = pending.get(event.data.id);
      if (!request) return;
      pending.delete(event.data.id);
      if ('error' in event.data) request.reject(new Error(event.data.error));
      else request.resolve(event.data.candidates);
    });
    worker.addEventListener('error', (event) => broken(event.message || 'error'));
    worker.addEventListener('messageerror', () => broken('messageerror'));
    return worker;
  };

  start();
  return (prefix, limit) => {
    const target = start();
    if (!target) return fallback(prefix, limit);
    const id = next++;
    return new Promise<ImportedCandidate[]>((resolve, reject) => {
      pending.set(id, { prefix, limit, resolve, reject });
      target.postMessage({ id, prefix, limit } satisfies CandidatesRequest);
    });
  };
}
