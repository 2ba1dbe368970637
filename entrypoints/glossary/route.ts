import { useEffect, useState } from 'preact/hooks';
import { LETTER_GLOSSARY_ID, parseTermKey } from '@/core/ids';

/**
 * What the glossary page shows, from its URL hash: `#term=etias`, `#letter=p-3`, `#glossaries` (with
 * `&add=<name>` or `&abbreviation=<abbr>`: the form to add it to my terms, filled in); an
 * imported glossary's entries, `#glossary=<id>`, and one of them, `#term=<glossary>:<entry>`.
 */
export type Route =
  | { view: 'glossary'; term: string | null }
  | { view: 'letter'; block: string | null }
  /** With a term to add (the context menu's "Add «…» to my terms"): its name or its abbreviation. */
  | { view: 'glossaries'; add?: { name: string; abbreviation: string } }
  | { view: 'entries'; glossaryId: string; entryId: string | null };

export function parseHash(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (params.has('glossaries')) {
    const name = params.get('add') ?? '';
    const abbreviation = params.get('abbreviation') ?? '';
    return name || abbreviation ? { view: 'glossaries', add: { name, abbreviation } } : { view: 'glossaries' };
  }
  if (params.has('letter')) return { view: 'letter', block: params.get('letter') || null };
  const glossaryId = params.get('glossary');
  if (glossaryId && glossaryId !== LETTER_GLOSSARY_ID) return { view: 'entries', glossaryId, entryId: null };
  const term = params.get('term');
  const key = term ? parseTermKey(term) : null;
  if (key && key.glossaryId !== LETTER_GLOSSARY_ID) {
    return { view: 'entries', glossaryId: key.glossaryId, entryId: key.entryId };
  }
  return { view: 'glossary', term };
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseHash(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return route;
}
