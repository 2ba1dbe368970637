import { AUTO_OPEN_ACCESS, isPdfResponse, viewerAddress, type ResponseInfo } from '@/core/pdf-open';
import { openPdfsInViewer } from '@/settings';

/**
 * "Open PDFs in Benelux Glossary" (off by default). A PDF the reader navigates to is shown in our
 * viewer (entrypoints/pdf/) instead of the browser's; the viewer then fetches it, as when opened from
 * the popup. Two ways in, one per browser, each the narrowest it allows:
 *
 * - Chromium runs our content script in its PDF viewer: the content script of a PDF's top frame asks
 *   (`openPdfInViewer`, page/features/pdf-auto-open.ts) and the tab is sent to our viewer. No permission.
 * - Firefox runs none there: while the setting is on and the reader granted AUTO_OPEN_ACCESS, a
 *   blocking webRequest listener sees each top-level response's headers and redirects a PDF to our
 *   viewer before the browser shows it. Off, or without the permissions, no listener is registered.
 *
 * Never a loop: the viewer's own fetch is no navigation (neither a top-level request nor a document).
 */
const viewer = () => browser.runtime.getURL('/pdf.html');

/** Sends tab `tabId` to our viewer for the PDF at `url`, if the setting is on. */
export async function openInViewer(tabId: number, url: string): Promise<boolean> {
  if (!(await openPdfsInViewer.getValue())) return false;
  await browser.tabs.update(tabId, { url: viewerAddress(viewer(), url) });
  return true;
}

/** Our permission list, in the browser's type (Chromium's types list no Firefox-only permission). */
type Permissions = Parameters<typeof browser.permissions.contains>[0];

type Details = ResponseInfo & { tabId: number };

function redirectPdf(details: Details): { redirectUrl?: string } {
  // tabId -1: not a tab's (a worker's, the browser's own).
  if (details.tabId < 0 || !isPdfResponse(details)) return {};
  return { redirectUrl: viewerAddress(viewer(), details.url) };
}

/** The part of webRequest used here: Firefox's, once granted (absent in Chromium MV3 and before). */
interface HeadersEvent {
  addListener(
    cb: (details: Details) => { redirectUrl?: string },
    filter: { urls: string[]; types: string[] },
    extra: string[],
  ): void;
  removeListener(cb: (details: Details) => { redirectUrl?: string }): void;
  hasListener(cb: (details: Details) => { redirectUrl?: string }): boolean;
}

/**
 * Firefox: keeps the redirecting listener registered exactly while the setting is on and its
 * permissions are held (the reader may revoke them in the add-on's settings). Called at start.
 */
export function watchPdfNavigations(): void {
  let turn = Promise.resolve();
  const apply = async () => {
    // Read at each turn: Firefox adds the namespace once the permission is granted.
    const headers = (browser as unknown as { webRequest?: { onHeadersReceived?: HeadersEvent } }).webRequest
      ?.onHeadersReceived;
    if (!headers) return; // Chromium, or not granted (yet)
    const on =
      (await openPdfsInViewer.getValue()) &&
      (await browser.permissions.contains(AUTO_OPEN_ACCESS as Permissions).catch(() => false));
    if (on && !headers.hasListener(redirectPdf)) {
      headers.addListener(redirectPdf, { urls: AUTO_OPEN_ACCESS.origins, types: ['main_frame'] }, [
        'blocking',
        'responseHeaders',
      ]);
    } else if (!on) headers.removeListener(redirectPdf);
  };
  // One check at a time, in order of the changes.
  const check = () => {
    turn = turn.then(apply).catch((error: unknown) => console.error('Opening PDFs automatically failed', error));
  };
  openPdfsInViewer.watch(check);
  browser.permissions.onAdded.addListener(check);
  browser.permissions.onRemoved.addListener(check);
  check();
}
