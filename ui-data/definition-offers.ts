import { useEffect, useState } from 'preact/hooks';
import { LANGS, type Lang } from '@/core/constants';
import type { GlossaryEntry } from '@/core/glossary-schema';
import { contentScript, type PageDefinitions } from '@/messaging/content';
import { useCollections } from './context';
import type { Entries } from './entries';
import { uiLanguage } from './i18n';
import { addMyTerm } from './my-terms';
import { useSetting } from './settings';
import type { ActivePage } from './tabs';

export interface DefinitionOffer {
  abbreviation: string;
  expansion: string;
  sentence: string;
}

/** Does the letter name a term so, case as written (its abbreviations and case-exact forms)? */
function letterKnows(list: readonly GlossaryEntry[], abbreviation: string): boolean {
  return list.some((e) => e.abbreviations.includes(abbreviation) || e.aliases.some((a) => a.text === abbreviation));
}

/**
 * The abbreviations the page defines that no glossary of the reader's knows and that they have not
 * declined, and what the offer's buttons do: add one to their terms (with the sentence and the page
 * as its source), or decline it for good. Nothing is added without the reader's click.
 */
export function useDefinitionOffers(
  entries: Entries | undefined,
  page: ActivePage | null,
): {
  offers: DefinitionOffer[];
  add: (offer: DefinitionOffer) => Promise<void>;
  decline: (offer: DefinitionOffer) => void;
} {
  const { importedCandidates } = useCollections();
  const [declined, setDeclined] = useSetting('declinedDefinitions');
  const [offers, setOffers] = useState<DefinitionOffer[]>([]);
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());

  const [found, setFound] = useState<PageDefinitions | null>(null);
  const tabId = page?.tabId;
  useEffect(() => {
    if (tabId === undefined) return;
    let live = true;
    contentScript({ tabId, frameId: 0 })
      .getPageDefinitions({})
      .then(
        (answer) => live && setFound(answer),
        () => undefined, // an older content script, or none: nothing to offer
      );
    return () => {
      live = false;
    };
  }, [tabId]);

  useEffect(() => {
    const definitions = found?.definitions ?? [];
    if (!entries || declined === undefined || definitions.length === 0) return setOffers([]);
    let live = true;
    void (async () => {
      const open: DefinitionOffer[] = [];
      for (const d of definitions) {
        if (declined.includes(d.abbreviation) || letterKnows(entries.list, d.abbreviation)) continue;
        const candidates = await importedCandidates(d.abbreviation, 50);
        if (candidates.some((c) => c.entry.terms.some((t) => t.text === d.abbreviation))) continue;
        open.push(d);
      }
      if (live) setOffers(open);
    })().catch((e: unknown) => console.error('Looking up the page’s abbreviations failed', e));
    return () => {
      live = false;
    };
  }, [entries, found, declined, importedCandidates]);

  const pageLang = found?.lang.slice(0, 2).toLowerCase() ?? '';
  const lang: Lang = (LANGS as readonly string[]).includes(pageLang) ? (pageLang as Lang) : uiLanguage;
  return {
    offers: offers.filter((o) => !done.has(o.abbreviation)),
    add: async (offer) => {
      await addMyTerm({
        name: offer.expansion,
        abbreviation: offer.abbreviation,
        lang,
        source: `${offer.sentence} — ${found?.url ?? ''}`.slice(0, 1000),
      });
      setDone(new Set([...done, offer.abbreviation]));
    },
    decline: (offer) => {
      setDone(new Set([...done, offer.abbreviation]));
      setDeclined([...(declined ?? []), offer.abbreviation].slice(-1_000));
    },
  };
}
