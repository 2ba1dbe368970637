import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** The window events the content script reads (hover.ts). */
const TYPES = ['pointermove', 'click', 'keydown', 'keyup', 'pointerout', 'scroll', 'blur'] as const;
export type WindowEventType = (typeof TYPES)[number];

/**
 * The window-level events our features read, listened to (capturing, passive) from the moment the
 * content script runs — document_start, before any script of the page. Listeners on one target run
 * in the order they were added, so a page listener on the window that calls
 * `stopImmediatePropagation()` comes after ours and no longer hides the reader's pointer from us
 * (seen in e2e/hostile.e2e.ts: added at DOMContentLoaded, ours came after the page's and never ran).
 * Features subscribe later; the listeners go with `ctx`.
 */
export class WindowEvents {
  private readonly handlers = new Map<WindowEventType, Set<(event: Event) => void>>();

  constructor(ctx: ContentScriptContext) {
    for (const type of TYPES) {
      ctx.addEventListener(
        window,
        type,
        (event: Event) => {
          for (const handler of this.handlers.get(type) ?? []) handler(event);
        },
        { capture: true, passive: true },
      );
    }
  }

  on<K extends WindowEventType>(type: K, handler: (event: WindowEventMap[K]) => void): void {
    let set = this.handlers.get(type);
    if (!set) this.handlers.set(type, (set = new Set()));
    set.add(handler as (event: Event) => void);
  }
}
