import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * When a frame may read layout to find its first screen (page/scanner.ts): at once on a small page
 * whose stylesheets are in, after the page's first paint otherwise.
 */

/** A page this small lays out well under a long task on the machines we measured (`npm run bench`). */
export const EARLY_LAYOUT_MAX_ELEMENTS = 1500;

/**
 * Whether laying the page out now costs nothing that its first paint would not: every stylesheet has
 * loaded (else it is laid out again when one arrives) and the page is small.
 */
export function layoutIsCheap(doc: Document): boolean {
  if (doc.readyState === 'loading' || doc.getElementsByTagName('*').length > EARLY_LAYOUT_MAX_ELEMENTS) return false;
  for (const link of doc.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet" i]')) {
    // A link has its sheet once loaded (or failed: then an empty one, nothing more to wait for).
    if (!link.disabled && !link.sheet) return false;
  }
  return true;
}

/** Resolves after the next rendered frame (or after a second in a tab that is not rendering). */
export function afterFirstPaint(ctx: ContentScriptContext): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    requestAnimationFrame(() => ctx.setTimeout(finish, 0));
    ctx.setTimeout(finish, 1000);
  });
}
