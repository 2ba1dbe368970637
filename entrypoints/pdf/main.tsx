import { render } from 'preact';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { handlePdfViewerRequests } from '@/messaging/pdf-viewer';
import { PageController } from '@/page/controller';
import { revealer } from '@/page/features/reveal';
import { t } from '@/i18n/t';
import { uiLocale } from '@/ui-data/i18n';
import { App } from './App';
import { documentTermsOf } from './document-terms';
import type { PdfView } from './viewer';
import 'pdfjs-dist/legacy/web/pdf_viewer.css';
import '@/assets/highlight.css';
import '@/assets/pdf.css';

document.documentElement.lang = uiLocale;
document.title = t('pdfTitle');

// The pages' text layers are explained by the same engine, matcher, highlights and tooltip as web
// pages. Started with the page, so that the glossary is read while PDF.js parses the file; each page's
// text joins as PDF.js renders it (the scanner watches for added text).
let controller: PageController | null = null;
let view: PdfView | null = null;

/** How long a term on an undrawn page may take to be drawn and highlighted before "reveal" gives up. */
const REVEAL_WAIT_MS = 5_000;

const startEngine = () => {
  if (controller) return;
  const ctx = new ContentScriptContext('pdf-viewer');
  controller = new PageController(ctx, { root: () => document.querySelector('.pdfViewer'), alwaysOn: true });
  void controller.start();
  // The popup's "On this page" over this tab: the terms of the whole document.
  const { engine } = controller;
  const reveal = revealer(ctx, engine);
  const documentTerms = documentTermsOf(engine, () => view);
  /** Reveals a term; one on a page not drawn yet is first scrolled to, then revealed once highlighted. */
  const revealAnywhere = async (termId: string): Promise<boolean> => {
    if (reveal(termId)) return true;
    const page = (await documentTerms()).firstPage.get(termId);
    if (!page || !view) return false;
    view.goToPage(page);
    for (const until = Date.now() + REVEAL_WAIT_MS; Date.now() < until && !ctx.isInvalid;) {
      await new Promise<void>((resolve) => ctx.setTimeout(() => resolve(), 100));
      if (reveal(termId)) return true;
    }
    return false;
  };
  void browser.tabs.getCurrent().then((tab) => {
    if (tab?.id === undefined || ctx.isInvalid) return;
    ctx.onInvalidated(
      handlePdfViewerRequests(tab.id, {
        getPageTerms: async () => ({
          hostname: '', // the per-site switch is about web sites, not this page
          enabled: true,
          counts: Object.fromEntries((await documentTerms()).counts),
          title: document.title,
          url: new URLSearchParams(location.search).get('url') ?? location.href,
        }),
        revealTerm: async (termId) => ({ revealed: await revealAnywhere(termId) }),
      }),
    );
  });
};

const root = document.getElementById('app');
if (root) {
  startEngine();
  // A page's text is in: explain it now rather than when the browser is next idle (PDF.js keeps it busy).
  render(
    <App
      onTextLayer={() => controller?.engine.scanner?.flush()}
      onView={(made) => {
        view = made;
      }}
    />,
    root,
  );
}
