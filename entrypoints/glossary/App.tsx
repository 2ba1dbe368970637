import { useEffect, useMemo, useState } from 'preact/hooks';
import letter from '@/data/source/benelux-voorzitterschap-2023.txt?raw';
import { EntryCard, type EntryCardLabels } from '@/components/EntryCard';
import { LetterView } from '@/components/LetterView';
import { NoteSection } from '@/components/NoteSection';
import { NotesTools } from '@/components/NotesTools';
import { noteSectionProps } from '@/components/note-section-props';
import { useLiveQuery } from '@/components/use-live-query';
import { PARTS, type Lang, type Part } from '@/core/constants';
import type { GlossaryEntry } from '@/core/glossary-schema';
import { reconstructLetter } from '@/core/letter';
import { notesToMarkdown } from '@/core/notes-markdown';
import { locateQuote } from '@/core/quote-locator';
import { GlossarySearch, letterProminence } from '@/core/search';
import { buildTermIndex } from '@/core/term-index';
import { allEntries, allNotes, exportNotes, knownIds, openDatabase, storedGlossaryVersion } from '@/db';
import { t } from '@/i18n/t';
import { background } from '@/messaging/background';

const db = openDatabase();
const lang: Lang = browser.i18n.getUILanguage().toLowerCase().startsWith('nl') ? 'nl' : 'en';
const part = (p: Part) => t(`part_${p}`);
const blocks = reconstructLetter(letter);

type Route = { view: 'glossary'; term: string | null } | { view: 'letter'; block: string | null };

function parseHash(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (params.has('letter')) return { view: 'letter', block: params.get('letter') || null };
  return { view: 'glossary', term: params.get('term') };
}

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function App({ onLetterShown }: { onLetterShown: () => void }) {
  const [entries, setEntries] = useState<GlossaryEntry[] | null>(null);
  const [route, setRoute] = useState<Route>(() => parseHash(location.hash));
  const [query, setQuery] = useState('');
  const [partFilter, setPartFilter] = useState<Part | ''>('');
  const [withNotes, setWithNotes] = useState(false);
  const [knownOnly, setKnownOnly] = useState(false);
  const notes = useLiveQuery(async () => new Map((await allNotes(db)).map((n) => [n.termId, n])), []);
  const known = useLiveQuery(async () => new Set(await knownIds(db)), []);

  useEffect(() => {
    void background.ensureSeeded({}).then(async () => setEntries(await allEntries(db)));
    const onHash = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  // Deep links: scroll to the entry or the letter's block once it is rendered.
  useEffect(() => {
    if (!entries) return;
    const id = route.view === 'glossary' ? (route.term ? `entry-${route.term}` : null) : route.block;
    if (route.view === 'letter') onLetterShown();
    if (!id) return;
    requestAnimationFrame(() => {
      const el = document.getElementById(id);
      el?.scrollIntoView({ block: route.view === 'letter' ? 'center' : 'start' });
      if (el instanceof HTMLElement && route.view === 'glossary') el.focus({ preventScroll: true });
    });
  }, [route, entries]);

  const byId = useMemo(() => new Map((entries ?? []).map((e) => [e.id, e])), [entries]);
  const search = useMemo(() => {
    if (!entries) return null;
    const noteTexts = new Map([...(notes?.values() ?? [])].map((n) => [n.termId, n.text]));
    return new GlossarySearch(entries, {
      lang,
      notes: noteTexts,
      prominence: letterProminence(buildTermIndex(entries), letter),
    });
  }, [entries, notes]);

  const visible = useMemo(() => {
    if (!entries) return [];
    const hits = query.trim() && search ? search.search(query, entries.length).map((h) => h.id) : null;
    const list = hits ? hits.flatMap((id) => byId.get(id) ?? []) : entries;
    return list.filter(
      (e) =>
        (!partFilter || e.part === partFilter) && (!withNotes || notes?.has(e.id)) && (!knownOnly || known?.has(e.id)),
    );
  }, [entries, query, search, partFilter, withNotes, knownOnly, notes, known, byId]);

  const labels: EntryCardLabels = {
    inLetter: t('tooltipInLetter'),
    readInLetter: t('glossaryReadInLetter'),
    related: t('popupRelated'),
    source: t('popupSource'),
    known: t('glossaryKnown'),
    part,
  };

  return (
    <div class="page">
      <header class="page-header">
        <h1>{t('popupTitle')}</h1>
        <nav class="tabs" aria-label={t('glossaryViews')}>
          <a href="#" aria-current={route.view === 'glossary' ? 'page' : undefined}>
            {t('glossaryTabGlossary')}
          </a>
          <a href="#letter=" aria-current={route.view === 'letter' ? 'page' : undefined}>
            {t('glossaryTabLetter')}
          </a>
        </nav>
      </header>
      <main hidden={route.view !== 'glossary'}>
        <section class="filters" aria-label={t('glossaryFilters')}>
          <input
            type="search"
            role="searchbox"
            class="search"
            aria-label={t('popupSearchLabel')}
            placeholder={t('popupSearchPlaceholder')}
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
          <label>
            {t('glossaryPart')}{' '}
            <select value={partFilter} onChange={(e) => setPartFilter(e.currentTarget.value as Part | '')}>
              <option value="">{t('glossaryAllParts')}</option>
              {PARTS.map((p) => (
                <option value={p} key={p}>
                  {part(p)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" checked={withNotes} onChange={(e) => setWithNotes(e.currentTarget.checked)} />
            {t('glossaryWithNotes')}
          </label>
          <label>
            <input type="checkbox" checked={knownOnly} onChange={(e) => setKnownOnly(e.currentTarget.checked)} />
            {t('glossaryKnownOnly')}
          </label>
        </section>
        <NotesTools
          labels={{
            heading: t('glossaryNotesHeading'),
            exportJson: t('glossaryExportJson'),
            exportMarkdown: t('glossaryExportMarkdown'),
            importJson: t('glossaryImportJson'),
            imported: (r) => t('glossaryImported', [String(r.added), String(r.updated), String(r.kept)]),
          }}
          onExportJson={async () => {
            const data = await exportNotes(db, (await storedGlossaryVersion(db)) ?? undefined);
            download(
              `benelux-glossary-notes-${data.exportedAt.slice(0, 10)}.json`,
              'application/json',
              JSON.stringify(data, null, 2),
            );
          }}
          onExportMarkdown={async () => {
            const md = notesToMarkdown(await allNotes(db), (id) => byId.get(id)?.name[lang] ?? id, {
              title: t('glossaryNotesHeading'),
              updated: t('glossaryUpdated'),
              seenOn: t('glossarySeenOn'),
            });
            download(`benelux-glossary-notes-${new Date().toISOString().slice(0, 10)}.md`, 'text/markdown', md);
          }}
          onImport={(json) => background.importNotes({ json })}
        />
        {entries && visible.length === 0 && <p class="muted">{t('popupNoResults')}</p>}
        {PARTS.map((p) => {
          const inPart = visible.filter((e) => e.part === p);
          if (inPart.length === 0) return null;
          return (
            <section class="part" key={p} aria-labelledby={`part-${p}`}>
              <h2 id={`part-${p}`}>{part(p)}</h2>
              {inPart.map((e) => (
                <EntryCard
                  key={e.id}
                  entry={e}
                  lang={lang}
                  labels={labels}
                  known={known?.has(e.id) ?? false}
                  related={e.related.flatMap((id) => byId.get(id) ?? [])}
                  quoteTargets={e.quotes.map((q) => locateQuote(blocks, q.text))}
                >
                  {notes && <NoteSection key={e.id} {...noteSectionProps(e.id)} stored={notes.get(e.id) ?? null} />}
                </EntryCard>
              ))}
            </section>
          );
        })}
      </main>
      <main hidden={route.view !== 'letter'}>
        <LetterView
          blocks={blocks}
          title={t('glossaryLetterTitle')}
          marked={route.view === 'letter' ? route.block : null}
        />
      </main>
    </div>
  );
}
