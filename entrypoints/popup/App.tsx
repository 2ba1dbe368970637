import { useMemo, useState } from 'preact/hooks';
import { t } from '@/i18n/t';
import { useEntries } from '@/ui-data/entries';
import { useRecentTerms } from '@/ui-data/settings';
import { openGlossary, openInPdfViewer, useActivePage, usePdfTab } from '@/ui-data/tabs';
import { isImportedKey } from '@/ui-data/terms';
import { ImportedTermScreen } from './ImportedTermScreen';
import { SearchScreen } from './SearchScreen';
import { SiteSettings } from './SiteSettings';
import { TermScreen } from './TermScreen';

const NONE: readonly string[] = [];

/** The toolbar popup: search (or the terms on this page), a term's detail, and where we run. */
export function App() {
  const entries = useEntries();
  const page = useActivePage();
  const pdf = usePdfTab();
  const [recent, pushRecent] = useRecentTerms();
  // Kept here, not in the search screen, so that "Back" from a detail returns to the same results.
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [detail, setDetail] = useState<string | null>(null);
  const hostname = page?.terms.hostname || null;
  // The same element while its props are: Preact then skips it on the render every typed key causes.
  const siteSettings = useMemo(() => <SiteSettings entries={entries} hostname={hostname} />, [entries, hostname]);

  const open = (id: string) => {
    setDetail(id);
    pushRecent(id);
  };

  if (detail && isImportedKey(detail)) {
    return (
      <main class="popup">
        <ImportedTermScreen termKey={detail} onBack={() => setDetail(null)} />
      </main>
    );
  }
  const entry = detail ? entries?.byId.get(detail) : undefined;
  if (entry && entries) {
    return (
      <main class="popup">
        <TermScreen entry={entry} entries={entries} onBack={() => setDetail(null)} onOpen={open} />
      </main>
    );
  }
  return (
    <main class="popup">
      {pdf && (
        // The browser's own PDF viewer runs no content script: offer ours, where the terms are explained.
        <button type="button" class="open-pdf" onClick={() => openInPdfViewer(pdf)}>
          {t('popupOpenPdf')}
        </button>
      )}
      <SearchScreen
        entries={entries}
        page={page}
        recent={recent ?? NONE}
        recentLoaded={recent !== undefined}
        query={query}
        active={active}
        onQuery={(q) => {
          setQuery(q);
          setActive(0);
        }}
        onActive={setActive}
        onOpen={open}
      />
      <button type="button" class="link open-glossary" onClick={() => openGlossary()}>
        {t('popupOpenGlossary')}
      </button>
      {siteSettings}
    </main>
  );
}
