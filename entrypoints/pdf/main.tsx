import { render } from 'preact';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { handlePdfViewerRequests } from '@/messaging/pdf-viewer';
import { PageController } from '@/page/controller';
import { revealer } from '@/page/features/reveal';
import { t } from '@/i18n/t';
import { uiLocale } from '@/ui-data/i18n';
import { App } from './App';
import 'pdfjs-dist/legacy/web/pdf_viewer.css';
import '@/assets/highlight.css';
import '@/assets/pdf.css';

document.documentElement.lang = uiLocale;
document.title = t('pdfTitle');

// The pages' text layers are explained by the same engine, matcher, highlights and tooltip as web
// pages. Started with the page, so that the glossary is read while PDF.js parses the file; each page's
// text joins as PDF.js renders it (the scanner watches for added text).
let controller: PageController | null = null;
const startEngine = () => {
  if (controller) return;
  const ctx = new ContentScriptContext('pdf-viewer');
  controller = new PageController(ctx, { root: () => document.querySelector('.pdfViewer'), alwaysOn: true });
  void controller.start();
  // The popup's "On this page" over this tab: the terms of the pages drawn so far.
  const { engine } = controller;
  const reveal = revealer(ctx, engine);
  void browser.tabs.getCurrent().then((tab) => {
    if (tab?.id === undefined || ctx.isInvalid) return;
    ctx.onInvalidated(
      handlePdfViewerRequests(tab.id, {
        getPageTerms: () =>
          Promise.resolve({
            hostname: '', // the per-site switch is about web sites, not this page
            enabled: true,
            counts: Object.fromEntries(engine.highlighter?.counts() ?? []),
            title: document.title,
            url: new URLSearchParams(location.search).get('url') ?? location.href,
          }),
        revealTerm: (termId) => Promise.resolve({ revealed: reveal(termId) }),
      }),
    );
  });
};

const root = document.getElementById('app');
if (root) {
  startEngine();
  // A page's text is in: explain it now rather than when the browser is next idle (PDF.js keeps it busy).
  render(<App onTextLayer={() => controller?.engine.scanner?.flush()} />, root);
}
