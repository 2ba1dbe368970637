import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { findAbbreviationDefinitions } from '@/core/abbreviation-definitions';
import { contentReceiver, type PageTerms } from '@/messaging/content';
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
        lang: document.documentElement.lang,
        definitions: pageDefinitions(),
      }),
    ),
  );
}

/** How much of the page's text is read for abbreviations it defines (once, when the popup asks). */
const DEFINITIONS_TEXT_MAX = 1_000_000;

/** The abbreviations the page's text defines, as the reader sees the text (its rendered text). */
function pageDefinitions(): PageTerms['definitions'] {
  const text = (document.body?.innerText ?? '').slice(0, DEFINITIONS_TEXT_MAX);
  return findAbbreviationDefinitions(text, 20).map(({ abbreviation, expansion, sentence }) => ({
    abbreviation,
    expansion,
    sentence,
  }));
}
