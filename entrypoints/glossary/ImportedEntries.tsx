import { useEffect, useRef, useState } from 'preact/hooks';
import { ImportedEntryDetail, type ImportedEntryDetailLabels } from '@/components/ImportedEntryDetail';
import { ImportedEntryRow, type ImportedEntryRowLabels } from '@/components/ImportedEntryRow';
import { VirtualList } from '@/components/VirtualList';
import { MY_TERMS_GLOSSARY_ID, termKey } from '@/core/ids';
import type { ImportedEntry } from '@/core/imported-schema';
import { t } from '@/i18n/t';
import { useGlossaries } from '@/ui-data/glossaries';
import { languageName, uiLocale, useUiLanguage } from '@/ui-data/i18n';
import { formatCount } from '@/ui-data/import-choices';
import { locateImportedEntry, useImportedEntries } from '@/ui-data/imported-entries';
import { useDebounced } from '@/ui-data/use-debounced';
import { MyTermActions } from './MyTermActions';

/** The rows' height in pixels: three lines (assets/glossaries.css .entry-row keeps them so). */
const ROW_HEIGHT = 72;

const rowLabels: ImportedEntryRowLabels = {
  languageName,
  moreLanguages: (count) => t('entriesMoreLanguages', String(count)),
};

const detailLabels: ImportedEntryDetailLabels = {
  back: t('entriesClose'),
  languageName,
  otherLanguages: t('importedOtherLanguages'),
  otherDefinitions: t('importedOtherDefinitions'),
  discouraged: t('importedDiscouraged'),
  subjectField: t('importedSubjectField'),
  entryNote: t('importedEntryNote'),
  source: t('entrySource'),
  origin: t('importedOrigin'),
};

const count = (n: number) => formatCount(n, uiLocale);

/**
 * One imported glossary's entries (`#glossary=<id>`): a virtual list read a page at a time as it
 * scrolls, a filter by a word's beginning, and one entry in full beside it (`#term=<id>:<entry>`).
 */
export function ImportedEntries({ glossaryId, entryId }: { glossaryId: string; entryId: string | null }) {
  const rows = useGlossaries();
  const glossary = rows?.find((r) => r.id === glossaryId);
  const lang = useUiLanguage();
  const [input, setInput] = useState('');
  const word = useDebounced(input.trim(), 150);
  const list = useImportedEntries(glossaryId, glossary?.generation ?? '', glossary?.entryCount ?? 0, word);
  const [opened, setOpened] = useState<{ entry: ImportedEntry; index: number | null } | null>(null);
  const [missing, setMissing] = useState(false);
  const [scrollTo, setScrollTo] = useState<{ index: number } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [deleted, setDeleted] = useState<string | null>(null);

  useEffect(() => {
    if (!rows) return;
    heading.current?.focus({ preventScroll: !!entryId });
  }, [!rows]);

  // A link to one entry: open it, and bring its row into view (reading the pages before it).
  useEffect(() => {
    setMissing(false);
    if (!entryId) return setOpened(null);
    const index = list.entries.findIndex((e) => e.id === entryId);
    if (index >= 0) {
      setOpened({ entry: list.entries[index]!, index });
      setScrollTo({ index });
      return;
    }
    let stale = false;
    locateImportedEntry(glossaryId, entryId).then(
      (found) => {
        if (stale) return;
        if (!found) {
          setOpened(null);
          setMissing(true);
          return;
        }
        // Filtered, the entry may not be among the matches: it opens, the list stays.
        setOpened({ entry: found.entry, index: word ? null : found.index });
        if (!word) {
          list.want(found.index + 1);
          setScrollTo({ index: found.index });
        }
      },
      (e: unknown) => console.error('Finding the entry failed', e),
    );
    return () => {
      stale = true;
    };
  }, [glossaryId, entryId, glossary?.generation]);

  if (rows && !glossary) {
    return (
      <main class="imported-entries">
        <p>
          <a href="#glossaries">← {t('entriesBack')}</a>
        </p>
        <p role="alert">{t('entriesNoGlossary', glossaryId)}</p>
      </main>
    );
  }

  const status = !word
    ? t('entriesCount', count(glossary?.entryCount ?? 0))
    : list.complete && list.entries.length === 0
      ? t('entriesNone', word)
      : list.complete
        ? t('entriesMatches', [count(list.entries.length), word])
        : t('entriesMatchesMore', [count(list.entries.length), word]);

  const title = glossary?.title ?? '';
  const hrefOf = (entry: ImportedEntry) => `#term=${encodeURIComponent(termKey(glossaryId, entry.id))}`;

  return (
    <main class="imported-entries">
      <p class="entries-back">
        <a href="#glossaries">← {t('entriesBack')}</a>
      </p>
      <div class="section-head">
        <h2 id="entries-heading" tabIndex={-1} ref={heading}>
          {title}
        </h2>
      </div>
      <div class="entries-filter">
        <label for="entries-filter">{t('entriesFilterLabel')}</label>
        <input
          id="entries-filter"
          type="search"
          autocomplete="off"
          spellcheck={false}
          value={input}
          onInput={(e) => setInput(e.currentTarget.value)}
          aria-describedby="entries-status"
        />
        <p id="entries-status" class="muted" role="status">
          {status}
        </p>
      </div>
      {list.error && (
        <p role="alert" class="import-error">
          {t('entriesFailed', list.error)}
        </p>
      )}
      {missing && <p role="alert">{t('entriesNotFound')}</p>}
      <p role="status" class="muted my-term-deleted">
        {deleted && t('myTermDeleted', deleted)}
      </p>
      <div class={`entries-body${opened ? ' entries-with-detail' : ''}`}>
        <VirtualList
          class="entries-list"
          count={list.count}
          rowHeight={ROW_HEIGHT}
          label={t('entriesListLabel', title)}
          onRange={(_, end) => list.want(end)}
          scrollTo={scrollTo}
          resetKey={word}
          sizeKnown={!word || list.complete}
          renderRow={(i) => {
            const entry = list.entries[i];
            if (!entry) {
              return (
                <div class="entry-row entry-row-loading" aria-busy="true">
                  {t('glossariesLoading')}
                </div>
              );
            }
            return (
              <ImportedEntryRow
                entry={entry}
                lang={lang}
                href={hrefOf(entry)}
                current={entry.id === opened?.entry.id}
                labels={rowLabels}
              />
            );
          }}
        />
        {opened && glossary && (
          <aside class="entries-detail" aria-label={t('entriesDetailLabel')}>
            <ImportedEntryDetail
              termKey={termKey(glossaryId, opened.entry.id)}
              glossary={glossary}
              entry={opened.entry}
              lang={lang}
              labels={detailLabels}
              onBack={() => {
                location.hash = `glossary=${encodeURIComponent(glossaryId)}`;
                // The focus goes back to the entry's row (when it is in the list).
                if (opened.index !== null) setScrollTo({ index: opened.index });
              }}
            >
              {glossaryId === MY_TERMS_GLOSSARY_ID && (
                <MyTermActions
                  entry={opened.entry}
                  onSaved={(entry) => setOpened({ ...opened, entry })}
                  onDeleted={(name) => {
                    setDeleted(name);
                    location.hash = `glossary=${encodeURIComponent(glossaryId)}`;
                    heading.current?.focus();
                  }}
                />
              )}
            </ImportedEntryDetail>
          </aside>
        )}
      </div>
    </main>
  );
}
