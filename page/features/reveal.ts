import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { contentReceiver } from '@/messaging/content';
import type { PageEngine } from '@/page/engine';
import type { PlacedTerm } from '@/page/highlighter';

/** The highlight a revealed occurrence flashes in; styled by `::highlight(benelux-glossary-flash)` in content CSS. */
export const FLASH_HIGHLIGHT_NAME = 'benelux-glossary-flash';
/** How long a revealed occurrence stays flashed. */
const FLASH_MS = 1600;

/**
 * The popup's "on this page": each `revealTerm` scrolls to the term's next occurrence, in document
 * order and round again, and flashes it.
 */
export function init(ctx: ContentScriptContext, engine: PageEngine): void {
  const reveal = revealer(ctx, engine);
  ctx.onInvalidated(
    contentReceiver.handle('revealTerm', ({ termId }) => Promise.resolve({ revealed: reveal(termId) })),
  );
}

/** Scrolls to `termId`'s next occurrence and flashes it; false when the page shows none (also used by the PDF viewer). */
export function revealer(ctx: ContentScriptContext, engine: PageEngine): (termId: string) => boolean {
  /** Per term, the occurrence revealed last. */
  const lastRevealed = new Map<string, number>();

  const reveal = (termId: string): boolean => {
    const list = engine.highlighter?.occurrences(termId) ?? [];
    if (list.length === 0) return false;
    list.sort(inDocumentOrder);
    const i = ((lastRevealed.get(termId) ?? -1) + 1) % list.length;
    lastRevealed.set(termId, i);
    const target = list[i]!;
    target.node.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    const flash = new Highlight(target.range);
    CSS.highlights.set(FLASH_HIGHLIGHT_NAME, flash);
    ctx.setTimeout(() => {
      if (CSS.highlights.get(FLASH_HIGHLIGHT_NAME) === flash) CSS.highlights.delete(FLASH_HIGHLIGHT_NAME);
    }, FLASH_MS);
    return true;
  };
  return reveal;
}

function inDocumentOrder(a: PlacedTerm, b: PlacedTerm): number {
  if (a.node === b.node) return a.start - b.start;
  return a.node.compareDocumentPosition(b.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
