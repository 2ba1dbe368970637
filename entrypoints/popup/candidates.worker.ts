import { importedCandidates, openDatabase } from '@/db';
import type { CandidatesReply, CandidatesRequest } from '@/ui-data/candidates-worker';

// The popup's imported-glossary candidates, read off the popup's thread (ui-data/candidates-worker.ts).
// Bundled by Vite from the `new Worker(new URL(…))` in main.tsx.
const db = openDatabase();
// Opened now: the popup starts this worker at its own start, before the first query.
void db.open().catch((e: unknown) => console.error('Opening the database failed', e));

addEventListener('message', (event: MessageEvent<CandidatesRequest>) => {
  const { id, prefix, limit } = event.data;
  const reply = (message: CandidatesReply) => postMessage(message);
  importedCandidates(db, prefix, limit).then(
    (candidates) => reply({ id, candidates }),
    (e: unknown) => reply({ id, error: e instanceof Error ? e.message : String(e) }),
  );
});
