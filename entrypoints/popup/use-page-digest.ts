import { useMemo } from 'preact/hooks';
import { importedDigestTerm, letterDigestTerm, type DigestTerm, type PageDigest } from '@/core/page-digest';
import type { Entries } from '@/ui-data/entries';
import { useUiLanguage } from '@/ui-data/i18n';
import { useNotes } from '@/ui-data/notes';
import type { ActivePage } from '@/ui-data/tabs';
import { isImportedKey, useTermsById } from '@/ui-data/terms';
import { onPageOrder } from './use-result-items';

/**
 * The digest of the page the popup is over: its terms in the order of "on this page", each named and
 * defined in the reader's language, with the reader's note. Null until everything it holds is read
 * (the notes, the imported entries): an export never lacks a term or a note the list will show.
 */
export function usePageDigest(entries: Entries | undefined, page: ActivePage | null): PageDigest | null {
  const lang = useUiLanguage();
  const notes = useNotes();
  const order = onPageOrder(page);
  const imported = order.map(([id]) => id).filter(isImportedKey);
  const named = useTermsById(imported);
  const namedNow = imported.length === 0 || named.for === imported.join(' ');
  return useMemo(() => {
    if (!entries || !page || !notes || !namedNow) return null;
    const terms = order.flatMap(([id, count]): DigestTerm[] => {
      const extra = { note: notes.get(id)?.text ?? null, count };
      if (isImportedKey(id)) {
        const term = named.terms.get(id);
        return term?.kind === 'imported' ? [importedDigestTerm(id, term.entry, term.glossary.title, lang, extra)] : [];
      }
      const entry = entries.byId.get(id);
      return entry ? [letterDigestTerm(entry, lang, extra)] : [];
    });
    return { title: page.terms.title, url: page.terms.url, terms };
  }, [entries, page, notes, named, namedNow, lang]);
}
