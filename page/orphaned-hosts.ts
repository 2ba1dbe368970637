import { UI_HOST_TAG } from './scanner';

/** What the content script may read of a closed shadow root: Firefox's property, Chromium's `dom` API. */
function closedShadowRoot(element: Element): ShadowRoot | null {
  const firefox = (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (firefox !== undefined) return firefox;
  const dom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: (e: Element) => ShadowRoot | null } } })
    .chrome?.dom;
  return dom?.openOrClosedShadowRoot?.(element) ?? null;
}

/**
 * Removes the hosts a copy of this content script left behind when the extension was reloaded or
 * updated with the tab open. Firefox injects the new copy into open tabs but ends the old one
 * without letting it clean up, so its host (with a dead frame) would stay beside ours: two
 * tooltips. Ours are told apart from a page's element of the same tag name by what the closed
 * shadow root holds: a frame of our tooltip page.
 */
export function removeOrphanedHosts(tooltipUrl: string): void {
  for (const element of document.querySelectorAll(UI_HOST_TAG.toLowerCase())) {
    const frame = closedShadowRoot(element)?.querySelector('iframe');
    if (frame?.src.startsWith(tooltipUrl)) element.remove();
  }
}
