import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { contentReceiver } from '@/messaging/content';
import type { PageEngine } from '@/page/engine';
import { termAtSelection } from '@/page/hit-test';

/** The keyboard command (sent on by the background): pins the tooltip of the term at the selection. */
export function init(ctx: ContentScriptContext, engine: PageEngine): void {
  ctx.onInvalidated(
    contentReceiver.handle('explainSelection', () => {
      const hit = engine.highlighter ? termAtSelection(document, engine.highlighter) : null;
      if (!hit || !engine.hover) return Promise.resolve({ explained: null });
      engine.hover.open(hit, true);
      return Promise.resolve({ explained: hit.term.termId });
    }),
  );
}
