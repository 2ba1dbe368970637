import { useEffect } from 'preact/hooks';
import { LetterView } from '@/components/LetterView';
import { t } from '@/i18n/t';
import { useEntries } from '@/ui-data/entries';
import { letterBlocks } from '@/ui-data/letter';
import { GlossaryScreen } from './GlossaryScreen';
import { useRoute } from './route';

/** The glossary page: every entry by part, with filters and the notes tools; and the letter itself. */
export function App({ onLetterShown }: { onLetterShown: () => void }) {
  const route = useRoute();
  const entries = useEntries();

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
    </div>
  );
}
