import { render } from 'preact';
import { t } from '@/i18n/t';
import { DataProvider } from '@/ui-data/context';
import { uiLocale } from '@/ui-data/i18n';
import { extensionPageSource } from '@/ui-data/page-source';
import { searchWorker } from '@/ui-data/search-worker';
import { App } from './App';
import '@/assets/popup.css';
import '@/assets/note-editor.css';

/** Vite bundles each worker from its `new Worker(new URL(…))` into its own file; both start now. */
const search = searchWorker({
  letter: () => new Worker(new URL('./letter.worker.ts', import.meta.url), { type: 'module' }),
  imported: () => new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' }),
});

document.documentElement.lang = uiLocale;
document.title = t('appTitle');
const root = document.getElementById('app');
if (root)
  render(
    <DataProvider source={extensionPageSource({ searchWorker: search })}>
      <App />
    </DataProvider>,
    root,
  );
