import { useMemo } from 'preact/hooks';
import type { ResultItem } from '@/components/ResultList';
import { resultId } from '@/components/ResultList';
import type { Lang } from '@/core/constants';
import { importedEntryName } from '@/core/imported-entry-view';
import { interleaveHits, type ImportedCandidate, type ImportedHit } from '@/core/imported-search';
import type { SearchHit } from '@/core/search';
import { t } from '@/i18n/t';
import type { Entries } from '@/ui-data/entries';
import { useUiLanguage } from '@/ui-data/i18n';
import { useImportedSearch } from '@/ui-data/imported-search';
import { useNotes } from '@/ui-data/notes';
import { useSearch } from '@/ui-data/search';
import type { ActivePage } from '@/ui-data/tabs';
import { isImportedKey, useTermsById } from '@/ui-data/terms';

function importedItem(
  { key, glossary, entry }: ImportedCandidate,
  lang: Lang,
  extra: Pick<ResultItem, 'badge' | 'note'> & { matched?: ImportedHit['matched'] },
): ResultItem {
  const name = importedEntryName(entry, lang);
  return {
    kind: 'imported',
    id: key,
    name: name.text,
    nameLang: name.lang,
    glossaryId: glossary.id,
    glossaryTitle: glossary.title,
    ...extra,
  };
}

/** The terms on the page with their counts, most frequent first: the order of "on this page" and of its digest. */
export function onPageOrder(page: ActivePage | null): [string, number][] {
  return Object.entries(page?.terms.counts ?? {}).sort((a, b) => b[1] - a[1]);
}

/**
 * The popup's list: the query's hits, the letter's and the imported glossaries' in one list (the
 * imported ones join when the database answers); with no query, the terms on this page (most
 * frequent first), then the recently viewed ones, each marked as such (one list for the keyboard).
 * `answered`: false until the letter's search has answered a query at all ("no results" would be a
 * guess before).
 */
export function useResultItems(
  entries: Entries | undefined,
  query: string,
  page: ActivePage | null,
  recent: readonly string[],
): { items: ResultItem[]; answered: boolean } {
  const lang = useUiLanguage();
  const hits = useSearch(query);
  const importedHits = useImportedSearch(query);
  const notes = useNotes();
  const searching = !!query.trim();
  // The imported terms the list without a query names: they are read from the database.
  const listed = searching ? [] : [...Object.keys(page?.terms.counts ?? {}), ...recent].filter(isImportedKey);
  const named = useTermsById(listed);
  const items = useMemo(() => {
    if (!entries) return [];
    const note = (id: string) => notes?.get(id)?.text;
    const item = (id: string, extra: { badge?: string; hit?: SearchHit } = {}): ResultItem[] => {
      if (isImportedKey(id)) {
        const term = named.terms.get(id);
        return term?.kind === 'imported'
          ? [importedItem({ key: id, ...term }, lang, { note: note(id), ...extra })]
          : [];
      }
      const entry = entries.byId.get(id);
      return entry ? [{ kind: 'letter', entry, note: note(id), ...extra }] : [];
    };
    if (searching) {
      return interleaveHits(hits ?? [], importedHits ?? []).flatMap((row): ResultItem[] =>
        row.kind === 'letter'
          ? item(row.hit.id, { hit: row.hit })
          : [importedItem(row.hit, lang, { note: note(row.hit.key), matched: row.hit.matched })],
      );
    }
    const onPage = onPageOrder(page).flatMap(([id, n]) => item(id, { badge: `${n}×` }));
    const shown = new Set(onPage.map(resultId));
    const badge = onPage.length > 0 ? { badge: t('popupRecentBadge') } : {};
    const recents = recent.flatMap((id) => (shown.has(id) ? [] : item(id, badge)));
    return [...onPage, ...recents];
  }, [entries, hits, importedHits, searching, page, recent, notes, named, lang]);
  // The letter's first answer to a query comes from the popup's worker a moment after the key.
  return { items, answered: !searching || hits !== null };
}
