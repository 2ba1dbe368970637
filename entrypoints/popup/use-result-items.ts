import { useMemo } from 'preact/hooks';
import type { ResultItem } from '@/components/ResultList';
import { t } from '@/i18n/t';
import type { Entries } from '@/ui-data/entries';
import { useNotes } from '@/ui-data/notes';
import { useSearch } from '@/ui-data/search';
import type { ActivePage } from '@/ui-data/tabs';

/**
 * The popup's list: the query's hits; with no query, the terms on this page (most frequent first),
 * then the recently viewed ones, each marked as such (one list for the keyboard).
 */
export function useResultItems(
  entries: Entries | undefined,
  query: string,
  page: ActivePage | null,
  recent: readonly string[],
): ResultItem[] {
  const hits = useSearch(query);
  const notes = useNotes();
  return useMemo(() => {
    if (!entries) return [];
    const item = (id: string, extra: Omit<ResultItem, 'entry' | 'note'>): ResultItem[] => {
      const entry = entries.byId.get(id);
      return entry ? [{ entry, note: notes?.get(id)?.text, ...extra }] : [];
    };
    if (query.trim()) return (hits ?? []).flatMap((hit) => item(hit.id, { hit }));
    const onPage = Object.entries(page?.terms.counts ?? {})
      .sort((a, b) => b[1] - a[1])
      .flatMap(([id, n]) => item(id, { badge: `${n}×` }));
    const shown = new Set(onPage.map((i) => i.entry.id));
    const badge = onPage.length > 0 ? { badge: t('popupRecentBadge') } : {};
    const recents = recent.flatMap((id) => (shown.has(id) ? [] : item(id, badge)));
    return [...onPage, ...recents];
  }, [entries, hits, query, page, recent, notes]);
}
