import { termIdSchema } from '@/core/ids';
import { z } from '@/core/zod';
import type { PageTerms } from './content';

/**
 * Popup → the PDF viewer page shown in a tab: its terms ("On this page") and revealing one. A viewer is
 * an extension page, which `tabs.sendMessage` does not reach (checked in Chromium 156 and Firefox
 * 153), and a runtime message reaches every open extension page, where @webext-core's receivers all
 * answer. So these requests name the tab, and each viewer answers only those for its own tab and
 * stays silent on the rest (its listener returns nothing), leaving the answer to the addressed one.
 */
const CHANNEL = 'benelux-pdf-viewer';

const requestSchema = z.discriminatedUnion('name', [
  z.strictObject({ name: z.literal('getPageTerms'), tabId: z.number() }),
  z.strictObject({ name: z.literal('revealTerm'), tabId: z.number(), termId: termIdSchema }),
]);
type Request = z.infer<typeof requestSchema>;

export interface PdfViewerHandlers {
  getPageTerms(): Promise<PageTerms>;
  revealTerm(termId: string): Promise<{ revealed: boolean }>;
}

/** In the viewer: answers requests addressed to `tabId`; returns the remover. */
export function handlePdfViewerRequests(tabId: number, handlers: PdfViewerHandlers): () => void {
  const listener = (message: unknown): Promise<unknown> | undefined => {
    if (typeof message !== 'object' || message === null || (message as { channel?: unknown }).channel !== CHANNEL)
      return undefined;
    const parsed = requestSchema.safeParse((message as { request?: unknown }).request);
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(request)'}: ${i.message}`).join('; ');
      return Promise.resolve({ err: `Malformed PDF viewer request: ${where}` });
    }
    if (parsed.data.tabId !== tabId) return undefined; // another viewer's: stay silent
    const request = parsed.data;
    const answer = request.name === 'getPageTerms' ? handlers.getPageTerms() : handlers.revealTerm(request.termId);
    return answer.then((res) => ({ res }));
  };
  // sendResponse and `true`, not a returned Promise: older Chromes we support ignore a returned Promise
  // (as @webext-core does it).
  const onMessage = (message: unknown, _sender: unknown, sendResponse: (answer: unknown) => void): boolean => {
    const answer = listener(message);
    if (!answer) return false;
    void answer.then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}

async function send<T>(request: Request): Promise<T> {
  const answer: { res: T } | { err: string } | undefined = await browser.runtime.sendMessage({
    channel: CHANNEL,
    request,
  });
  if (!answer) throw new Error('No PDF viewer in that tab');
  if ('err' in answer) throw new Error(answer.err);
  return answer.res;
}

/** Calls the PDF viewer shown in `tabId`. */
export const pdfViewer = (tabId: number) => ({
  getPageTerms: () => send<PageTerms>({ name: 'getPageTerms', tabId }),
  revealTerm: (termId: string) => send<{ revealed: boolean }>({ name: 'revealTerm', tabId, termId }),
});
