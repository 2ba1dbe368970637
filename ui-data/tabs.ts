import { useEffect, useState } from 'preact/hooks';
import { contentScript, type PageTerms } from '@/messaging/content';

// The tabs extension pages deal with: the one the popup is over, and the glossary page they open.

export interface ActivePage {
  tabId: number;
  terms: PageTerms;
}

async function loadActivePage(): Promise<ActivePage | null> {
  const tabId = (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return null;
  try {
    return { tabId, terms: await contentScript({ tabId, frameId: 0 }).getPageTerms({}) };
  } catch {
    return null; // no content script in this tab (a browser page, the web store)
  }
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

/** Scrolls the page to the term's next occurrence and flashes it. */
export function revealOnPage(page: ActivePage, termId: string): void {
  void contentScript({ tabId: page.tabId, frameId: 0 })
    .revealTerm({ termId })
    .catch(() => undefined);
}

/** Opens the glossary page in a new tab, at the term's entry if one is given. */
export function openGlossary(termId?: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`/glossary.html${termId ? `#term=${termId}` : ''}`) });
}
