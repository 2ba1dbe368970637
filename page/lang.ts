/**
 * The `lang` in effect where a node stands: the attribute of its nearest element that has one, through
 * shadow roots to their hosts (a component's text is in its host's language), up to <html>. '' when no
 * element says, or says `lang=""` (unknown): the caller then falls back to the browser's language.
 */
export function nearestLang(node: Node): string {
  for (let at: Node | null = node; at;) {
    const element = at.nodeType === Node.ELEMENT_NODE ? (at as Element) : at.parentElement;
    const marked = element?.closest('[lang]');
    if (marked) return marked.getAttribute('lang') ?? '';
    const root = at.getRootNode();
    at = root instanceof ShadowRoot ? root.host : null;
  }
  return '';
}
