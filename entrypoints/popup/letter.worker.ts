import { GlossarySearch, type SearchIndexData } from '@/core/search';
import type { SearchReply, SearchRequest } from '@/ui-data/search-worker';

// The popup's search of the letter, off the popup's thread (ui-data/search-worker.ts).
// Bundled by Vite from the `new Worker(new URL(…))` in main.tsx.

/** The letter's search, as the popup last set it up (its language, the reader's notes). */
let letter: GlossarySearch | null = null;
let warmed = false;
/** The bundled index last parsed: a new setup for new notes sends the same text again. */
let parsed: { json: string; index: SearchIndexData } | null = null;

function bundledIndex(json: string): SearchIndexData {
  if (parsed?.json !== json) parsed = { json, index: JSON.parse(json) as SearchIndexData };
  return parsed.index;
}

const reply = (message: SearchReply) => postMessage(message);

addEventListener('message', (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  if (request.kind === 'letter-setup') {
    const { glossary, lang, notes, prominence } = request.setup;
    const source = 'indexJson' in glossary ? bundledIndex(glossary.indexJson) : glossary;
    letter = new GlossarySearch(source, { lang, notes, prominence });
    reply({ kind: 'letter-setup', id: request.id });
    // Once, before the reader types: a first search builds the folding tables and compiles the
    // search's code (~20 ms), which would otherwise hold up the answer to their first key.
    if (!warmed) {
      letter.search('ver');
      warmed = true;
    }
  } else if (request.kind === 'letter') {
    // Set up before any search is sent (messages arrive in order).
    if (!letter) throw new Error('A letter search before its setup');
    reply({ kind: 'letter', id: request.id, hits: letter.search(request.query, request.limit) });
  }
});
