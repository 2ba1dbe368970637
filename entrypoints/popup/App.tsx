import { useEffect, useMemo, useState } from 'preact/hooks';
import letter from '@/data/source/benelux-voorzitterschap-2023.txt?raw';
import { PopupHeader } from '@/components/PopupHeader';
import { ResultList, optionId, type ResultItem } from '@/components/ResultList';
import { SiteControls } from '@/components/SiteControls';
import { TermDetail } from '@/components/TermDetail';
import type { GlossaryEntry, Lang, Part } from '@/core/glossary-schema';
import { GlossarySearch, letterProminence } from '@/core/search';
import { buildTermIndex } from '@/core/term-index';
import { allEntries, allNotes, openDatabase } from '@/db';
import { useLiveQuery } from '@/components/use-live-query';
import { NoteSection } from '@/components/NoteSection';
import { noteSectionProps } from '@/components/note-section-props';
import { t } from '@/i18n/t';
import { background } from '@/messaging/background';
import { contentScript, type PageTerms } from '@/messaging/content';
import { disabledSites, enabledEverywhere, everydayTermsOn, highlightMode, pushRecent, recentTerms } from '@/settings';

const lang: Lang = browser.i18n.getUILanguage().toLowerCase().startsWith('nl') ? 'nl' : 'en';
const part = (p: Part) => t(`part_${p}`);
const LIST_ID = 'results';
const db = openDatabase();

function openGlossary(hash = '') {
  void browser.tabs.create({ url: browser.runtime.getURL(`/glossary.html${hash}`) });
}

async function activeTabId(): Promise<number | undefined> {
  return (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
}

async function loadPage(): Promise<{ tabId: number; terms: PageTerms } | null> {
  const tabId = await activeTabId();
  if (tabId === undefined) return null;
  try {
    return { tabId, terms: await contentScript({ tabId, frameId: 0 }).getPageTerms({}) };
  } catch {
    return null; // no content script in this tab (a browser page, the web store)
  }
}

export function App() {
  const [entries, setEntries] = useState<Map<string, GlossaryEntry> | null>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [detail, setDetail] = useState<string | null>(null);
  const [page, setPage] = useState<{ tabId: number; terms: PageTerms } | null>(null);
  const [recent, setRecent] = useState<string[]>([]);
  const [settingsLoaded, setSettingsLoaded] = useState(false);
  const [everywhere, setEverywhere] = useState(true);
  const [sites, setSites] = useState<string[]>([]);
  const [firstOnly, setFirstOnly] = useState(false);
  const [everydayOn, setEverydayOn] = useState<string[]>([]);

  useEffect(() => {
    void (async () => {
      let list = await allEntries(db);
      if (list.length === 0) {
        // First run, before the background seeded: it seeds on any message.
        await background.ensureSeeded({});
        list = await allEntries(db);
      }
      setEntries(new Map(list.map((e) => [e.id, e])));
    })();
    void loadPage().then(setPage);
    void recentTerms.getValue().then(setRecent);
    // The switches appear once their stored values are read, so an early click is never undone.
    void Promise.all([
      enabledEverywhere.getValue(),
      disabledSites.getValue(),
      highlightMode.getValue(),
      everydayTermsOn.getValue(),
    ]).then(([on, siteList, mode, everyday]) => {
      setEverywhere(on);
      setSites(siteList);
      setFirstOnly(mode === 'first');
      setEverydayOn(everyday);
      setSettingsLoaded(true);
    });
  }, []);

  // Notes are live: a note saved in a tooltip or another view shows here without reload.
  const notes = useLiveQuery(async () => new Map((await allNotes(db)).map((n) => [n.termId, n])), []);
  const prominence = useMemo(() => {
    if (!entries) return undefined;
    return letterProminence(buildTermIndex([...entries.values()]), letter);
  }, [entries]);
  const search = useMemo(() => {
    if (!entries) return null;
    const noteTexts = new Map([...(notes?.values() ?? [])].map((n) => [n.termId, n.text]));
    const built = new GlossarySearch([...entries.values()], { lang, prominence, notes: noteTexts });
    // Since the popup opened: the first moment a query can be answered (`npm run bench` reports it).
    if (!performance.getEntriesByName('benelux-glossary:search-ready').length) {
      performance.mark('benelux-glossary:search-ready');
    }
    return built;
  }, [entries, notes, prominence]);

  const items: ResultItem[] = useMemo(() => {
    if (!entries || !search) return [];
    if (query.trim()) {
      return search.search(query).flatMap((hit) => {
        const entry = entries.get(hit.id);
        return entry ? [{ entry, hit, note: notes?.get(hit.id)?.text }] : [];
      });
    }
    // Empty query: the terms on this page (most frequent first), then recently viewed.
    const onPage = Object.entries(page?.terms.counts ?? {})
      .sort((a, b) => b[1] - a[1])
      .flatMap(([id, n]) => {
        const entry = entries.get(id);
        return entry ? [{ entry, badge: `${n}×`, note: notes?.get(id)?.text }] : [];
      });
    const shown = new Set(onPage.map((i) => i.entry.id));
    const recents = recent.flatMap((id) => {
      const entry = entries.get(id);
      if (!entry || shown.has(id)) return [];
      return [{ entry, note: notes?.get(id)?.text, ...(onPage.length > 0 ? { badge: t('popupRecentBadge') } : {}) }];
    });
    return [...onPage, ...recents];
  }, [entries, search, query, page, recent, notes]);

  const open = (id: string) => {
    setDetail(id);
    void pushRecent(id).then(setRecent);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(items.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      const item = items[active];
      if (item) open(item.entry.id);
    } else if (e.key === 'Escape' && query) {
      e.preventDefault(); // clear the query instead of closing the popup
      setQuery('');
      setActive(0);
    }
  };

  const hostname = page?.terms.hostname || null;
  const setHere = (on: boolean) => {
    if (!hostname) return;
    const next = on ? sites.filter((s) => s !== hostname) : [...new Set([...sites, hostname])];
    setSites(next);
    void disabledSites.setValue(next);
  };

  const entry = detail ? entries?.get(detail) : undefined;
  if (entry && entries) {
    return (
      <main class="popup">
        <TermDetail
          entry={entry}
          lang={lang}
          related={entry.related.flatMap((id) => entries.get(id) ?? [])}
          labels={{
            back: t('popupBack'),
            inLetter: t('tooltipInLetter'),
            related: t('popupRelated'),
            source: t('popupSource'),
            part,
          }}
          onBack={() => setDetail(null)}
          onOpen={open}
        >
          <button type="button" class="link open-glossary" onClick={() => openGlossary(`#term=${entry.id}`)}>
            {t('tooltipOpenGlossary')}
          </button>
          {notes && <NoteSection key={entry.id} {...noteSectionProps(entry.id)} stored={notes.get(entry.id) ?? null} />}
        </TermDetail>
      </main>
    );
  }

  const onPageIds = new Set(Object.keys(page?.terms.counts ?? {}));
  // Recently viewed terms follow the page's own, each marked as such (one list for the keyboard).
  const emptyHeading = onPageIds.size > 0 ? t('popupOnThisPage') : t('popupRecent');
  return (
    <main class="popup">
      <PopupHeader title={t('popupTitle')} tagline={t('popupTagline')} />
      <input
        type="search"
        class="search"
        role="searchbox"
        aria-label={t('popupSearchLabel')}
        placeholder={t('popupSearchPlaceholder')}
        aria-controls={LIST_ID}
        aria-activedescendant={items.length > 0 ? optionId(LIST_ID, active) : undefined}
        value={query}
        autoFocus
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {!query.trim() && <h2 class="list-heading">{emptyHeading}</h2>}
      {entries && items.length === 0 && (
        <p class="muted">{query.trim() ? t('popupNoResults') : t('popupNothingYet')}</p>
      )}
      <ResultList
        id={LIST_ID}
        label={query.trim() ? t('popupResults') : emptyHeading}
        items={items}
        active={active}
        lang={lang}
        partLabel={(e) => part(e.part)}
        noteLabel={t('popupHasNote')}
        onOpen={(e) => {
          // A term on this page, chosen from the empty-query list: show it in the tab too.
          if (!query.trim() && page && onPageIds.has(e.id)) {
            void contentScript({ tabId: page.tabId, frameId: 0 })
              .revealTerm({ termId: e.id })
              .catch(() => undefined);
          }
          open(e.id);
        }}
        onHover={setActive}
      />
      <button type="button" class="link open-glossary" onClick={() => openGlossary()}>
        {t('popupOpenGlossary')}
      </button>
      {settingsLoaded && (
        <SiteControls
          labels={{
            everywhere: t('popupOnEverywhere'),
            here: (host) => t('popupOnHere', host),
            unavailable: t('popupUnavailable'),
            firstOnly: t('popupFirstOnly'),
            everyday: t('popupEveryday'),
          }}
          lang={lang}
          enabledEverywhere={everywhere}
          hostname={hostname}
          enabledHere={!!hostname && !sites.includes(hostname)}
          firstOnly={firstOnly}
          everydayEntries={[...(entries?.values() ?? [])].filter((e) => !e.highlight)}
          everydayOn={everydayOn}
          onEverywhere={(on) => {
            setEverywhere(on);
            void enabledEverywhere.setValue(on);
          }}
          onHere={setHere}
          onFirstOnly={(on) => {
            setFirstOnly(on);
            void highlightMode.setValue(on ? 'first' : 'all');
          }}
          onEveryday={(id, on) => {
            const next = on ? [...new Set([...everydayOn, id])] : everydayOn.filter((x) => x !== id);
            setEverydayOn(next);
            void everydayTermsOn.setValue(next);
          }}
        />
      )}
    </main>
  );
}
