/**
 * What the PDF viewer decides before and after PDF.js reads a file: which addresses it may fetch,
 * which files it refuses as too big, and what a reader is told when a file cannot be shown. Pure:
 * no DOM, no PDF.js (its errors are recognised by name, the one part of them that is stable).
 */

/** Files bigger than this are refused before they are read: a tab holds the whole file in memory. */
export const PDF_MAX_BYTES = 200 * 1024 * 1024;
/** Documents with more pages than this are refused: every page gets a placeholder in the viewer. */
export const PDF_MAX_PAGES = 5000;
/** Pages looked at for text before a document is called image-only (a scanned PDF). */
export const TEXT_PROBE_PAGES = 5;
/** Opening (parsing the cross-reference table, the first page) longer than this is given up. */
export const PDF_OPEN_TIMEOUT_MS = 30_000;

/** Why a document is not shown, or is shown without anything to explain. */
export type PdfProblem =
  | { kind: 'damaged' }
  | { kind: 'password'; retry: boolean }
  | { kind: 'noText' }
  | { kind: 'tooBig'; megabytes: number; limitMegabytes: number }
  | { kind: 'tooManyPages'; pages: number; limit: number }
  | { kind: 'fetch'; origin: string }
  | { kind: 'timeout' }
  | { kind: 'badUrl' };

/** The address `pdf.html?url=…` is to open, or null when it is not one we fetch (only http and https). */
export function pdfUrlFromQuery(search: string): URL | null | 'none' {
  const raw = new URLSearchParams(search).get('url');
  if (raw === null || raw === '') return 'none';
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The host-permission pattern that lets an extension page read `url` (one origin, nothing wider). */
export function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

/** Refuses a file by its size alone, before reading it. */
export function sizeProblem(bytes: number): PdfProblem | null {
  if (bytes <= PDF_MAX_BYTES) return null;
  return { kind: 'tooBig', megabytes: Math.ceil(bytes / 2 ** 20), limitMegabytes: PDF_MAX_BYTES / 2 ** 20 };
}

export function pageCountProblem(pages: number): PdfProblem | null {
  if (pages === 0) return { kind: 'damaged' };
  return pages > PDF_MAX_PAGES ? { kind: 'tooManyPages', pages, limit: PDF_MAX_PAGES } : null;
}

/**
 * What went wrong when PDF.js refused a document: its exceptions carry stable names
 * (`InvalidPDFException`, `PasswordException`, …); anything else is a file it could not read.
 */
export function problemFromError(error: unknown): PdfProblem {
  const name = error instanceof Error || isNamed(error) ? error.name : '';
  if (name === 'PasswordException') {
    // PDF.js's codes: 1 NEED_PASSWORD, 2 INCORRECT_PASSWORD.
    const code = (error as { code?: unknown }).code;
    return { kind: 'password', retry: code === 2 };
  }
  return { kind: 'damaged' };
}

function isNamed(value: unknown): value is { name: string } {
  return typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';
}

/** Whether the text of a page (PDF.js `getTextContent` items) has anything to read. */
export function hasText(items: readonly unknown[]): boolean {
  return items.some((item) => {
    const str = (item as { str?: unknown }).str;
    return typeof str === 'string' && str.trim() !== '';
  });
}

/** Whether `bytes` starts as a PDF does (`%PDF-` within its first kilobyte, as readers accept it). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/** Whether an address names a PDF by its path (what the popup can tell of a tab in Firefox's viewer). */
export function isPdfAddress(address: string): boolean {
  try {
    const url = new URL(address);
    return (url.protocol === 'http:' || url.protocol === 'https:') && /\.pdf$/i.test(url.pathname);
  } catch {
    return false;
  }
}

/**
 * What opening PDFs automatically asks for where our content script cannot see a PDF (Firefox's
 * viewer runs none): blocking webRequest, to see a navigation's type before the browser shows it and
 * send it to our viewer instead, and every site's host permission, which webRequest needs to see a
 * site's responses and the viewer to read the PDF. Asked for when the reader switches the setting on,
 * released when off. Chromium asks nothing: our content script runs in its PDF viewer.
 */
export const AUTO_OPEN_ACCESS = {
  permissions: ['webRequest', 'webRequestBlocking'],
  origins: ['http://*/*', 'https://*/*'],
};

/** The viewer's address for the PDF at `pdfUrl`; `viewer` is pdf.html's own address. */
export function viewerAddress(viewer: string, pdfUrl: string): string {
  return `${viewer}?url=${encodeURIComponent(pdfUrl)}`;
}

/** What webRequest tells of a response (the part used here). */
export interface ResponseInfo {
  method: string;
  statusCode: number;
  url: string;
  responseHeaders?: readonly { name: string; value?: string }[];
}

/**
 * Whether the browser would show this response as a PDF: a successful GET sent as `application/pdf`,
 * or as untyped bytes at an address ending in `.pdf`. A download (`Content-Disposition: attachment`)
 * stays a download; a POST's answer cannot be fetched again by the viewer, so it stays too.
 */
export function isPdfResponse(response: ResponseInfo): boolean {
  if (response.method !== 'GET' || response.statusCode < 200 || response.statusCode > 299) return false;
  const header = (name: string) =>
    response.responseHeaders
      ?.find((h) => h.name.toLowerCase() === name)
      ?.value?.trim()
      .toLowerCase() ?? '';
  if (header('content-disposition').startsWith('attachment')) return false;
  const type = header('content-type').split(';')[0]!.trim();
  if (type === 'application/pdf' || type === 'application/x-pdf') return true;
  return ['', 'application/octet-stream', 'binary/octet-stream'].includes(type) && isPdfAddress(response.url);
}

/**
 * Whether a content script hands its document to our viewer (Chromium, where it runs in the browser's
 * PDF viewer): a PDF in a tab's top frame, reached by a link or its address — not by Back, Forward or a
 * reload, so that Back from our viewer shows the browser's view of it instead of our viewer again.
 */
export function handsOverPdf(page: { contentType: string; topFrame: boolean; navigationType?: string }): boolean {
  return page.topFrame && page.contentType === 'application/pdf' && (page.navigationType ?? 'navigate') === 'navigate';
}
