import { useEffect, useState } from 'preact/hooks';
import { isPdfAddress, viewerAddress } from '@/core/pdf-open';
import { contentScript, type PageTerms } from '@/messaging/content';
import { pdfViewer } from '@/messaging/pdf-viewer';

// The tabs extension pages deal with: the one the popup is over, and the pages they open.

export interface ActivePage {
  tabId: number;
  terms: PageTerms;
  /** The tab shows our PDF viewer (asked through messaging/pdf-viewer.ts, not a content script). */
  viewer: boolean;
}

interface ActiveTab {
  tabId: number;
  /** Known for our own pages, and for the active tab once the reader clicked our button (activeTab). */
  url: string | undefined;
  terms: PageTerms | null;
  viewer: boolean;
}

let probe: Promise<ActiveTab | null> | null = null;

/** Asked once per popup: the active tab, and what its content script (or our PDF viewer) says of it. */
function probeActiveTab(): Promise<ActiveTab | null> {
  return (probe ??= (async () => {
    const tab = (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    if (tab?.id === undefined) return null;
    const tabId = tab.id;
    const viewer = tab.url?.startsWith(browser.runtime.getURL('/pdf.html')) ?? false;
    try {
      const terms = viewer
        ? await pdfViewer(tabId).getPageTerms()
        : await contentScript({ tabId, frameId: 0 }).getPageTerms({});
      return { tabId, url: tab.url, terms, viewer };
    } catch {
      // No content script in this tab (a browser page, the web store, Firefox's PDF viewer).
      return { tabId, url: tab.url, terms: null, viewer };
    }
  })());
}

async function loadActivePage(): Promise<ActivePage | null> {
  const tab = await probeActiveTab();
  return tab?.terms ? { tabId: tab.tabId, terms: tab.terms, viewer: tab.viewer } : null;
}

/**
 * The tab the popup is over, as its content script sees it: hostname, on/off, terms and counts.
 * Null until it answers, and for tabs without our content script. (No `tabs` permission needed.)
 */
export function useActivePage(): ActivePage | null {
  const [page, setPage] = useState<ActivePage | null>(null);
  useEffect(() => void loadActivePage().then(setPage), []);
  return page;
}

/**
 * The address of the PDF the active tab shows in the browser's own viewer, or null. Chromium runs our
 * content script there and it reports the document's type; Firefox's viewer runs none, and the tab's
 * address is known once the reader has clicked our toolbar button (activeTab).
 */
async function loadPdfTab(): Promise<{ tabId: number; url: string } | null> {
  const tab = await probeActiveTab();
  if (!tab || tab.viewer) return null;
  if (tab.terms) return tab.terms.contentType === 'application/pdf' ? { tabId: tab.tabId, url: tab.terms.url } : null;
  return tab.url && isPdfAddress(tab.url) ? { tabId: tab.tabId, url: tab.url } : null;
}

export function usePdfTab(): { tabId: number; url: string } | null {
  const [pdf, setPdf] = useState<{ tabId: number; url: string } | null>(null);
  useEffect(() => void loadPdfTab().then(setPdf), []);
  return pdf;
}

/** Shows the tab's PDF in our viewer, in the same tab (Back returns to the browser's viewer). */
export function openInPdfViewer(pdf: { tabId: number; url: string }): void {
  const url = viewerAddress(browser.runtime.getURL('/pdf.html'), pdf.url);
  void browser.tabs.update(pdf.tabId, { url }).then(() => window.close());
}

/** Scrolls the page to the term's next occurrence and flashes it. */
export function revealOnPage(page: ActivePage, termId: string): void {
  const reveal = page.viewer
    ? pdfViewer(page.tabId).revealTerm(termId)
    : contentScript({ tabId: page.tabId, frameId: 0 }).revealTerm({ termId });
  void reveal.catch(() => undefined);
}

/** Opens the glossary page in a new tab, at the term's entry if one is given. */
export function openGlossary(termId?: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/glossary.html${termId ? `#term=${termId}` : ''}`) });
}
