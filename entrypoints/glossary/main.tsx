import { render } from 'preact';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageController } from '@/page/controller';
import { t } from '@/i18n/t';
import { DataProvider } from '@/ui-data/context';
import { uiLocale } from '@/ui-data/i18n';
import { extensionPageSource } from '@/ui-data/page-source';
import { App } from './App';
import '@/assets/glossary.css';
import '@/assets/note-editor.css';
import '@/assets/highlight.css';
import '@/assets/glossaries.css';

document.documentElement.lang = uiLocale;
document.title = t('appTitle');

// The reading view is explained by the same engine and tooltip as web pages; started the first
// time the letter is shown.
let started = false;
const startEngine = () => {
  if (started) return;
  started = true;
  const ctx = new ContentScriptContext('reading-view');
  void new PageController(ctx, { root: () => document.getElementById('letter'), alwaysOn: true }).start();
};

const root = document.getElementById('app');
if (root)
  render(
    <DataProvider source={extensionPageSource()}>
      <App onLetterShown={startEngine} />
    </DataProvider>,
    root,
  );
