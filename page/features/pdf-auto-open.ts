import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { handsOverPdf } from '@/core/pdf-open';
import { background } from '@/messaging/background';
import { openPdfsInViewer } from '@/settings';

/**
 * "Open PDFs in Benelux Glossary", in Chromium: this content script runs in the browser's PDF viewer
 * (Firefox's runs none; there the background sees the response, entrypoints/background/pdf-auto-open.ts).
 * A PDF reached by a link or its address asks the background to show it in our viewer; one reached by
 * Back stays, so Back from our viewer shows the browser's view of it rather than our viewer again.
 */
export function init(ctx: ContentScriptContext): void {
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const page = { contentType: document.contentType, topFrame: window === window.top, navigationType: navigation?.type };
  if (!handsOverPdf(page)) return;
  void openPdfsInViewer
    .getValue()
    .then((on) => (on && !ctx.isInvalid ? background.openPdfInViewer({}) : null))
    .catch(() => undefined); // an extension being updated: the browser's viewer stays
}
