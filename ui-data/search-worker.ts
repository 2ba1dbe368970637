import type { GlossaryEntry, Lang } from '@/core/glossary-schema';
import type { ImportedHit } from '@/core/imported-search';
import type { ImportedQuery, SearchImported } from '@/core/imported-searcher';
import type { SearchHit } from '@/core/search';

/**
 * The popup's searches, run in workers (entrypoints/popup/letter.worker.ts, search.worker.ts), so
 * that typing costs the popup's thread only the rendering of what it shows:
 * - the imported glossaries': a candidate read is one word-index bucket and up to 200 rows, each row
 *   its own IndexedDB request, and ranking them takes up to tens of milliseconds;
 * - the letter's: a cold search (its folding tables built, its code not compiled yet) took ~10 ms of
 *   each early keystroke.
 * The popup's thread sends the query and receives the ≤ 20 hits it shows.
 */

/**
 * What the letter's search is built from: GlossarySearch's arguments, the bundled glossary's index
 * as its JSON text (structured-cloning the parsed index cost the popup's thread ~30 ms; a string is
 * copied whole).
 */
export interface LetterSetup {
  glossary: readonly GlossaryEntry[] | { indexJson: string };
  lang: Lang;
  notes: ReadonlyMap<string, string>;
  prominence: ReadonlyMap<string, number>;
}

export interface LetterQuery {
  query: string;
  limit?: number;
}

export type SearchRequest =
  | ({ kind: 'imported'; id: number } & ImportedQuery)
  | { kind: 'letter-setup'; id: number; setup: LetterSetup }
  | ({ kind: 'letter'; id: number } & LetterQuery);

/** (A failed imported search answers no hits, final: core/imported-searcher.ts.) */
export type SearchReply =
  | { kind: 'imported'; id: number; hits: ImportedHit[] | null; final: boolean }
  | { kind: 'letter-setup'; id: number }
  | { kind: 'letter'; id: number; hits: SearchHit[] };

export interface LetterSearchWorker {
  /** (Re)builds the worker's search of the letter; `built` once it has (never when the worker is gone). */
  setup(setup: LetterSetup, built: () => void): void;
  /**
   * The query's hits from the worker's latest search; a reply to an older query is dropped. `here`
   * answers instead when the worker is gone (the pending query and every later one).
   */
  search(query: LetterQuery, answer: (hits: SearchHit[]) => void, here: () => SearchHit[]): void;
}

export interface SearchWorker {
  /** The imported glossaries' search; `fallback` (the same search on this thread) when the worker is gone. */
  imported(fallback: SearchImported): SearchImported;
  letter: LetterSearchWorker;
}

/**
 * A worker, started now so that it is ready by the first query: `received` gets its replies; if it
 * fails to start or dies, `lost` runs once and `worker()` is null from then on.
 */
function workerSlot(create: () => Worker, received: (reply: SearchReply) => void, lost: () => void) {
  let worker: Worker | null = null;
  const broken = (reason: unknown) => {
    console.error('A search worker failed; searching on the page instead', reason);
    worker?.terminate();
    worker = null;
    lost();
  };
  try {
    worker = create();
    worker.addEventListener('message', (event: MessageEvent<SearchReply>) => received(event.data));
    worker.addEventListener('error', (event) => broken(event.message || 'error'));
    worker.addEventListener('messageerror', () => broken('messageerror'));
  } catch (e) {
    broken(e);
  }
  return { worker: () => worker };
}

/**
 * How long a key's first answer (the letter's, or the imported glossaries' first) waits for the
 * other's: arriving together, they render once. Each render of the list costs the popup's thread
 * 5–10 ms on a slow machine (style, layout, paint, commit), as much as the rest of the key.
 */
export const PAIR_MS = 50;

/**
 * The popup's two search workers, one for the letter and one for the imported glossaries — in one
 * worker, the letter's answers waited behind the imported search's database reads and the reads
 * behind the letter's searches (on two cores the two run side by side). A worker that fails to
 * start or dies answers each pending search, and every later one, on this thread. One search of
 * each kind at a time (the latest), like every SearchImported. The first answers of both to the same
 * query are handed over together (the first waits up to PAIR_MS for the other).
 */
export function searchWorker(create: { letter: () => Worker; imported: () => Worker }): SearchWorker {
  let next = 0;
  let imported: {
    id: number;
    query: ImportedQuery;
    answer: Parameters<SearchImported>[1];
    fallback: SearchImported;
    /** Whether it has answered at all: only its first answer is paired with the letter's. */
    answered: boolean;
  } | null = null;
  /** The latest letter search asked; only one is with the worker at a time (`inFlight`, its id). */
  let letter: { id: number; query: LetterQuery; answer: (hits: SearchHit[]) => void; here: () => SearchHit[] } | null =
    null;
  let inFlight: number | null = null;
  const setups = new Map<number, () => void>();

  /** An answer waiting for the other search's first answer to the same query (or for PAIR_MS). */
  let held: { query: string; deliver: () => void; timer: ReturnType<typeof setTimeout> } | null = null;
  /** Hands over the held answer (now, in the task of the answer that completes the pair). */
  const release = () => {
    if (!held) return;
    const { deliver, timer } = held;
    held = null;
    clearTimeout(timer);
    deliver();
  };
  const hold = (query: string, deliver: () => void) => {
    release();
    held = { query, deliver, timer: setTimeout(release, PAIR_MS) };
  };
  /** A new search makes a held answer to another query pointless: it is dropped. */
  const dropHeldUnless = (query: string) => {
    if (held && held.query !== query) {
      clearTimeout(held.timer);
      held = null;
    }
  };
  const importedWaiting = (query: string) => imported !== null && !imported.answered && imported.query.query === query;
  const letterWaiting = (query: string) => letter !== null && letter.query.query === query;

  const letterSlot = workerSlot(
    create.letter,
    (reply) => {
      if (reply.kind === 'letter-setup') {
        setups.get(reply.id)?.();
        setups.delete(reply.id);
      } else if (reply.kind === 'letter') {
        if (reply.id !== inFlight) return;
        inFlight = null;
        if (!letter) return;
        if (reply.id !== letter.id) return sendLetter(); // answered a query typed over since: the latest goes now
        const { answer, query } = letter;
        letter = null;
        if (importedWaiting(query.query)) return hold(query.query, () => answer(reply.hits));
        release();
        answer(reply.hits);
      }
    },
    () => {
      setups.clear();
      inFlight = null;
      const pending = letter;
      letter = null;
      release();
      if (pending) pending.answer(pending.here());
    },
  );
  const importedSlot = workerSlot(
    create.imported,
    (reply) => {
      if (reply.kind !== 'imported' || !imported || reply.id !== imported.id) return;
      const { answer, query, answered } = imported;
      imported.answered = true;
      if (reply.final) imported = null;
      if (!answered && letterWaiting(query.query)) return hold(query.query, () => answer(reply.hits, reply.final));
      release();
      answer(reply.hits, reply.final);
    },
    () => {
      const pending = imported;
      imported = null;
      release();
      if (pending) pending.fallback(pending.query, pending.answer);
    },
  );

  /**
   * Sends the latest letter search. One at a time: keys typed while the worker searches replace each
   * other, and only the last is searched (a worker that searched each in turn — ~5 ms each, 40 ms on a
   * busy machine — answered the last key late).
   */
  const sendLetter = () => {
    const worker = letterSlot.worker();
    if (!worker || !letter) return;
    inFlight = letter.id;
    worker.postMessage({ kind: 'letter', id: letter.id, ...letter.query } satisfies SearchRequest);
  };

  return {
    imported: (fallback) => (query, answer) => {
      const worker = importedSlot.worker();
      if (!worker) return fallback(query, answer);
      dropHeldUnless(query.query);
      imported = { id: next++, query, answer, fallback, answered: false };
      worker.postMessage({ kind: 'imported', id: imported.id, ...query } satisfies SearchRequest);
    },
    letter: {
      setup(setup, built) {
        const worker = letterSlot.worker();
        if (!worker) return;
        const id = next++;
        setups.set(id, built);
        worker.postMessage({ kind: 'letter-setup', id, setup } satisfies SearchRequest);
      },
      search(query, answer, here) {
        if (!letterSlot.worker()) return answer(here());
        dropHeldUnless(query.query);
        letter = { id: next++, query, answer, here };
        if (inFlight === null) sendLetter();
      },
    },
  };
}
