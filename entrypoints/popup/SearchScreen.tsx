import { useMemo, useRef } from 'preact/hooks';
import { PopupHeader } from '@/components/PopupHeader';
import { ResultList, optionId, resultId } from '@/components/ResultList';
import { t } from '@/i18n/t';
import type { Entries } from '@/ui-data/entries';
import { usePartLabels, useUiLanguage } from '@/ui-data/i18n';
import { revealOnPage, type ActivePage } from '@/ui-data/tabs';
import { DefinitionOffers } from '@/components/DefinitionOffers';
import { useDefinitionOffers } from '@/ui-data/definition-offers';
import { PageDigestActions } from './PageDigestActions';
import { useResultItems } from './use-result-items';

const LIST_ID = 'results';

const offerLabels = {
  defines: (abbreviation: string, expansion: string) => t('offerDefines', [abbreviation, expansion]),
  add: t('offerAdd'),
  addLabel: (abbreviation: string) => t('offerAddLabel', abbreviation),
  decline: t('offerDecline'),
  declineLabel: (abbreviation: string) => t('offerDeclineLabel', abbreviation),
  added: (abbreviation: string) => t('myTermAdded', abbreviation),
};

interface Props {
  entries: Entries | undefined;
  page: ActivePage | null;
  recent: readonly string[];
  /** False until the recently viewed terms are read: "nothing yet" would be a guess before. */
  recentLoaded: boolean;
  query: string;
  /** The list's active row (aria-activedescendant). */
  active: number;
  onQuery: (query: string) => void;
  onActive: (index: number) => void;
  onOpen: (id: string) => void;
}

/** The search box and its list, driven by the keyboard. */
export function SearchScreen({ entries, page, recent, recentLoaded, query, active, onQuery, onActive, onOpen }: Props) {
  const lang = useUiLanguage();
  const part = usePartLabels();
  const { items, answered } = useResultItems(entries, query, page, recent);
  const onPageIds = new Set(Object.keys(page?.terms.counts ?? {}));
  const emptyHeading = onPageIds.size > 0 ? t('popupOnThisPage') : t('popupRecent');
  const definitions = useDefinitionOffers(entries, page);

  // The list's element is the same while what it shows is: Preact then skips it on the render a typed
  // key causes before the search answers (its click reads the query and page of the latest render).
  const latest = useRef({ query, page, onPageIds, onOpen });
  latest.current = { query, page, onPageIds, onOpen };
  const label = query.trim() ? t('popupResults') : emptyHeading;
  const list = useMemo(
    () => (
      <ResultList
        id={LIST_ID}
        label={label}
        items={items}
        active={active}
        lang={lang}
        partLabel={(e) => part(e.part)}
        noteLabel={t('popupHasNote')}
        onOpen={(id) => {
          const { query, page, onPageIds, onOpen } = latest.current;
          // A term on this page, chosen from the empty-query list: show it in the tab too.
          if (!query.trim() && page && onPageIds.has(id)) revealOnPage(page, id);
          onOpen(id);
        }}
        onHover={onActive}
      />
    ),
    [label, items, active, lang, part, onActive],
  );

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      onActive(Math.min(items.length - 1, active + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      onActive(Math.max(0, active - 1));
    } else if (e.key === 'Enter') {
      const item = items[active];
      if (item) onOpen(resultId(item));
    } else if (e.key === 'Escape' && query) {
      e.preventDefault(); // clear the query instead of closing the popup
      onQuery('');
    }
  };

  return (
    <>
      <PopupHeader title={t('appTitle')} tagline={t('popupTagline')} />
      <input
        type="search"
        class="search"
        role="searchbox"
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        aria-controls={LIST_ID}
        aria-activedescendant={items.length > 0 ? optionId(LIST_ID, active) : undefined}
        value={query}
        autoFocus
        onInput={(e) => onQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {/* Kept while empty: its status says what the last click did after the last offer has gone. */}
      {!query.trim() && (
        <DefinitionOffers
          offers={definitions.offers}
          labels={offerLabels}
          onAdd={definitions.add}
          onDecline={definitions.decline}
        />
      )}
      {!query.trim() && (
        <div class="list-head">
          <h2 class="list-heading">{emptyHeading}</h2>
          {onPageIds.size > 0 && <PageDigestActions entries={entries} page={page} />}
        </div>
      )}
      {entries && answered && items.length === 0 && (query.trim() || recentLoaded) && (
        <p class="muted no-results">{query.trim() ? t('searchNoResults') : t('popupNothingYet')}</p>
      )}
      {list}
    </>
  );
}
