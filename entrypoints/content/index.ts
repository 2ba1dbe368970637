import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageController } from '@/page/controller';
import { topHostname } from '@/page/top-hostname';
import { WindowEvents } from '@/page/window-events';
import { readPageState } from '@/settings/page-glossary';
import '@/assets/highlight.css';

/**
 * Set while a copy of this script is starting in this world: WXT announces a new copy from inside
 * its context's constructor, after this module's code ran and before `main`. The page's world cannot
 * set it, so a copy still running here lets that announcement through and refuses any other.
 */
const STARTING = Symbol.for('benelux-glossary.content-script-starting');
(globalThis as Record<symbol, unknown>)[STARTING] = true;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  // At document_start to read storage while the page parses (a content script's first storage
  // read costs tens of milliseconds in Chromium) and to listen to the window before the page does;
  // the features start once the DOM can be read.
  runAt: 'document_start',
  async main(ctx) {
    delete (globalThis as Record<symbol, unknown>)[STARTING];
    quietWhenOrphaned(ctx);
    ignoreForgedRestarts(ctx);
    const windowEvents = new WindowEvents(ctx);
    const pageState = readPageState(topHostname());
    pageState.catch(() => undefined); // handled where it is used
    if (document.readyState === 'loading') {
      await new Promise<void>((resolve) =>
        document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
      );
    }
    if (ctx.isInvalid) return;
    await new PageController(ctx, { pageState, windowEvents }).start();
  },
});

/**
 * WXT stops a content script when a newer copy of it announces itself with a DOM event on the
 * document, named after our extension id — which any page knows (the store id; the gecko id is in
 * the manifest). One `dispatchEvent` from a page would switch us off (seen in e2e/hostile.e2e.ts).
 * It is heard only while a new copy is starting in this world (`STARTING`), or by a copy whose
 * extension was reloaded or updated (its `runtime.id` is gone); the window's capturing listener,
 * added before any of the page's, runs before WXT's on the document.
 */
function ignoreForgedRestarts(ctx: ContentScriptContext): void {
  // Private in WXT's types; its value is `${runtime.id}:${entrypoint}:wxt:content-script-started`.
  const type = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE?: unknown })
    .SCRIPT_STARTED_MESSAGE_TYPE;
  if (typeof type !== 'string') return;
  ctx.addEventListener(
    window,
    type,
    (event: Event) => {
      if (browser.runtime?.id && !(globalThis as Record<symbol, unknown>)[STARTING]) event.stopImmediatePropagation();
    },
    { capture: true },
  );
}

/**
 * Once the extension is reloaded or updated, this copy is stopped (ctx invalidated) and its cleanups
 * run — and those that unhook a browser listener (storage watchers, message handlers) throw
 * "Extension context invalidated": there is nothing left to unhook. Those go quiet; any other
 * failure is still reported.
 */
function quietWhenOrphaned(ctx: ContentScriptContext): void {
  const onInvalidated = ctx.onInvalidated.bind(ctx);
  ctx.onInvalidated = (cleanup) =>
    onInvalidated(() => {
      try {
        cleanup();
      } catch (error) {
        if (browser.runtime?.id) console.error('Benelux Glossary: stopping a feature failed', error);
      }
    });
}
