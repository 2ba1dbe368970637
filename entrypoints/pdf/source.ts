import { looksLikePdf, originPattern, sizeProblem, type PdfProblem } from '@/core/pdf-open';

/** What a PDF source gave: its bytes, a refusal, or "ask the reader for access to its site first". */
export type ReadResult = { bytes: Uint8Array } | { problem: PdfProblem } | { needsAccess: string };

/** A local file: read in this page, never sent anywhere. */
export async function readFile(file: File): Promise<ReadResult> {
  const tooBig = sizeProblem(file.size);
  if (tooBig) return { problem: tooBig };
  return checked(new Uint8Array(await file.arrayBuffer()));
}

/**
 * The PDF of the tab the reader was reading. An extension page may read another site only with a host
 * permission for it; we hold none until the reader grants the one site, at the moment they ask
 * (`requestAccess`), so without it this asks for access instead of fetching.
 */
export async function readUrl(url: URL): Promise<ReadResult> {
  const origins = [originPattern(url)];
  if (!(await browser.permissions.contains({ origins }))) return { needsAccess: url.origin };
  try {
    // The reader's cookies go along, as when the tab loaded it (a document behind a login).
    const response = await fetch(url, { credentials: 'include' });
    if (!response.ok) return { problem: { kind: 'fetch', origin: url.origin } };
    const tooBig = sizeProblem(Number(response.headers.get('content-length') ?? 0));
    if (tooBig) return { problem: tooBig };
    return checked(new Uint8Array(await response.arrayBuffer()));
  } catch {
    return { problem: { kind: 'fetch', origin: url.origin } };
  }
}

/** Asks the browser for access to `url`'s site (a prompt the reader answers); true once granted. */
export function requestAccess(url: URL): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(url)] });
}

function checked(bytes: Uint8Array): ReadResult {
  const tooBig = sizeProblem(bytes.byteLength);
  if (tooBig) return { problem: tooBig };
  return looksLikePdf(bytes) ? { bytes } : { problem: { kind: 'damaged' } };
}
