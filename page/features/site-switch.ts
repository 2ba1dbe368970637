import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { contentReceiver } from '@/messaging/content';
import { watchPageSettings } from '@/settings';
import type { PageEngine } from '@/page/engine';

/**
 * The popup's "on for this site" and its list of the terms on this page: answers what this frame shows
 * and where, and applies a changed switch (or any setting) to the open page without a reload.
 */
export function init(ctx: ContentScriptContext, engine: PageEngine): void {
  ctx.onInvalidated(watchPageSettings(() => engine.emit('settingsChanged')));
  ctx.onInvalidated(
    contentReceiver.handle('getPageTerms', () =>
      Promise.resolve({
        hostname: location.hostname,
        enabled: engine.highlighter !== null,
        counts: Object.fromEntries(engine.highlighter?.counts() ?? []),
        title: document.title,
        url: location.href,
        contentType: document.contentType,
      }),
    ),
  );
}
