import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { findAbbreviationDefinitions } from '@/core/abbreviation-definitions';
import { contentReceiver, type PageDefinitions } from '@/messaging/content';

/** How much of the page's text is read for abbreviations it defines (once, when the popup asks). */
const TEXT_MAX = 1_000_000;

/**
 * The popup's "This page defines CBAM": the abbreviations the page's text defines, read as the reader
 * sees it (its rendered text), only when the popup asks.
 */
export function init(ctx: ContentScriptContext): void {
  ctx.onInvalidated(
    contentReceiver.handle('getPageDefinitions', (): Promise<PageDefinitions> => {
      const text = (document.body?.innerText ?? '').slice(0, TEXT_MAX);
      return Promise.resolve({
        lang: document.documentElement.lang,
        url: location.href,
        definitions: findAbbreviationDefinitions(text, 20).map(({ abbreviation, expansion, sentence }) => ({
          abbreviation,
          expansion,
          sentence,
        })),
      });
    }),
  );
}
