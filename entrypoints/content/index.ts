import { PageController } from '@/page/controller';
import { topHostname } from '@/page/top-hostname';
import { readPageState } from '@/settings/page-glossary';
import '@/assets/highlight.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  // At document_start only to read storage while the page parses (a content script's first storage
  // read costs tens of milliseconds in Chromium); the features start once the DOM can be read.
  runAt: 'document_start',
  async main(ctx) {
    const pageState = readPageState(topHostname());
    pageState.catch(() => undefined); // handled where it is used
    if (document.readyState === 'loading') {
      await new Promise<void>((resolve) =>
        document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
      );
    }
    if (ctx.isInvalid) return;
    await new PageController(ctx, { pageState }).start();
  },
});
