import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { contentReceiver } from '@/messaging/content';
import type { PageEngine } from '@/page/engine';
import type { HoverTarget } from '@/page/hover';
import { termAtPoint, termAtSelection } from '@/page/hit-test';

/**
 * The context menu's "Add a note on this term". Highlights are not elements, so the browser cannot tell
 * the menu which term was right-clicked: this frame remembers the term under the last right-click (or,
 * opened from the keyboard or with the word selected by the right-click, at the selection), names it
 * for Firefox's menu (`termAtMenuPoint`) and opens its note editor in a pinned tooltip when the item is
 * chosen (`noteAtMenuPoint`): the note keeps the page and sentence, as one started from a tooltip does.
 */
export function init(ctx: ContentScriptContext, engine: PageEngine): void {
  let target: HoverTarget | null = null;
  ctx.addEventListener(
    window,
    'contextmenu',
    (e: MouseEvent) => {
      const highlighter = engine.highlighter;
      if (!highlighter) {
        target = null;
        return;
      }
      const shadowRoots = engine.scanner?.shadowRoots() ?? [];
      target =
        termAtPoint(document, highlighter, e.clientX, e.clientY, shadowRoots) ?? termAtSelection(document, highlighter);
    },
    { capture: true, passive: true },
  );
  // Still there? A rescan (settings changed, the text node removed) may have dropped it meanwhile.
  const current = (): HoverTarget | null => (target?.term.node.isConnected && engine.highlighter ? target : null);

  ctx.onInvalidated(
    contentReceiver.handle('termAtMenuPoint', () => {
      const hit = current();
      const term = hit?.term;
      return Promise.resolve(term ? { termId: term.termId, text: term.node.data.slice(term.start, term.end) } : null);
    }),
  );
  ctx.onInvalidated(
    contentReceiver.handle('noteAtMenuPoint', () => {
      const hit = current();
      if (!hit || !engine.hover) return Promise.resolve({ opened: null });
      engine.hover.open(hit, true, true);
      return Promise.resolve({ opened: hit.term.termId });
    }),
  );
}
