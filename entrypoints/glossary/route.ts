import { useEffect, useState } from 'preact/hooks';

/** What the glossary page shows, from its URL hash: `#term=etias`, `#letter=p-3`, `#glossaries`. */
export type Route =
  { view: 'glossary'; term: string | null } | { view: 'letter'; block: string | null } | { view: 'glossaries' };

function parseHash(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (params.has('glossaries')) return { view: 'glossaries' };
  if (params.has('letter')) return { view: 'letter', block: params.get('letter') || null };
  return { view: 'glossary', term: params.get('term') };
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
