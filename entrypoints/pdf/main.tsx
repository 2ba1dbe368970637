import { render } from 'preact';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageController } from '@/page/controller';
import { t } from '@/i18n/t';
import { uiLocale } from '@/ui-data/i18n';
import { App } from './App';
import 'pdfjs-dist/legacy/web/pdf_viewer.css';
import '@/assets/highlight.css';
import '@/assets/pdf.css';

document.documentElement.lang = uiLocale;
document.title = t('pdfTitle');

// The pages' text layers are explained by the same engine, matcher, highlights and tooltip as web
// pages: started once the first page's text is in the document (later pages join as they are
// rendered: the scanner watches for added text).
let started = false;
const startEngine = () => {
  if (started) return;
  started = true;
  const ctx = new ContentScriptContext('pdf-viewer');
  void new PageController(ctx, { root: () => document.querySelector('.pdfViewer'), alwaysOn: true }).start();
};

const root = document.getElementById('app');
if (root) render(<App onTextLayer={startEngine} />, root);
