import { useEffect, useState } from 'preact/hooks';
import { LetterView } from '@/components/LetterView';
import { t } from '@/i18n/t';
import { useEntries } from '@/ui-data/entries';
import { letterBlocks } from '@/ui-data/letter';
import { GlossariesScreen } from './GlossariesScreen';
import { GlossaryScreen } from './GlossaryScreen';
import { ImportedEntries } from './ImportedEntries';
import { useRoute } from './route';

/**
 * The glossary page: every entry by part, with filters and the notes tools; the letter itself; and
 * the reader's glossaries (the list, imports).
 */
export function App({ onLetterShown }: { onLetterShown: () => void }) {
  const route = useRoute();
  const entries = useEntries();
  // Kept once shown: an import under way lives in that section and must survive a change of tab.
  const [glossariesShown, setGlossariesShown] = useState(route.view === 'glossaries');
  if (route.view === 'glossaries' && !glossariesShown) setGlossariesShown(true);

  // Deep links: scroll to the entry or the letter's block once it is rendered.
  useEffect(() => {
    if (!entries) return;
    const id =
      route.view === 'glossary'
        ? route.term
          ? `entry-${route.term}`
          : null
        : route.view === 'letter'
          ? route.block
          : null;
    if (route.view === 'letter') onLetterShown();
    if (!id) return;
    requestAnimationFrame(() => {
      const el = document.getElementById(id);
      el?.scrollIntoView({ block: route.view === 'letter' ? 'center' : 'start' });
      if (el instanceof HTMLElement && route.view === 'glossary') el.focus({ preventScroll: true });
    });
  }, [route, entries]);

  return (
    <div class="page">
      <header class="page-header">
        <h1>{t('appTitle')}</h1>
        <nav class="tabs" aria-label={t('glossaryViews')}>
          <a href="#" aria-current={route.view === 'glossary' ? 'page' : undefined}>
            {t('glossaryTabGlossary')}
          </a>
          <a href="#letter=" aria-current={route.view === 'letter' ? 'page' : undefined}>
            {t('glossaryTabLetter')}
          </a>
          <a
            href="#glossaries"
            aria-current={route.view === 'glossaries' || route.view === 'entries' ? 'page' : undefined}
          >
            {t('glossaryTabGlossaries')}
          </a>
          {/* A local PDF, read in the viewer page: chosen or dropped there. */}
          <a href="pdf.html" class="open-pdf-link">
            {t('glossaryOpenPdf')}
          </a>
        </nav>
      </header>
      <GlossaryScreen entries={entries} hidden={route.view !== 'glossary'} />
      <main hidden={route.view !== 'letter'}>
        <LetterView
          blocks={letterBlocks}
          title={t('glossaryLetterTitle')}
          marked={route.view === 'letter' ? route.block : null}
        />
      </main>
      {glossariesShown && (
        <GlossariesScreen
          hidden={route.view !== 'glossaries'}
          add={route.view === 'glossaries' ? route.add : undefined}
        />
      )}
      {route.view === 'entries' && (
        // One per glossary: another glossary's list starts at its top, with no filter.
        <ImportedEntries key={route.glossaryId} glossaryId={route.glossaryId} entryId={route.entryId} />
      )}
    </div>
  );
}
