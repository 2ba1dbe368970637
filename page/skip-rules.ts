/**
 * Where we never mark text: one list, read by every path that decides it. The scanner's first
 * walk asks `isSkippedElement` of each element on its way down; text that arrives later by
 * mutation asks `isInsideSkipped`, a `closest()` with the selector built from the same list. Two
 * hand-kept lists once disagreed: terms in SVG were skipped on the first scan and highlighted
 * after any change to the page.
 */

/**
 * Our UI's host element (tooltip). Not in the skip list: its only content is a closed shadow root,
 * which no walk enters, and a page may use the same tag name for its own text (seen in
 * e2e/hostile.e2e.ts: skipping the name left that text unexplained).
 */
export const UI_HOST_TAG = 'BENELUX-GLOSSARY-UI';

/**
 * Elements whose text is never ours to mark, as local names (lowercase; SVG's are as written).
 *
 * - head (title), script, style, noscript, template: text no reader sees as page text.
 * - textarea, select/option, input: form controls; marking them would sit under what people type.
 * - iframe, object: their fallback content is not shown; a frame's document gets its own script.
 * - svg: checked in Chromium 156 and Firefox 153 (screenshots, pixels counted): our
 *   `::highlight(benelux-glossary)` style, a dotted underline, paints on SVG `<text>` in Firefox but
 *   not at all in Chromium (nor does a highlight's `color`; only `background-color` paints there).
 *   A term readers cannot see marked must not count, nor answer the pointer: skipped.
 * - math: MathML, not prose.
 */
const SKIPPED_ELEMENTS: readonly string[] = [
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'select',
  'option',
  'input',
  'iframe',
  'object',
  'svg',
  'math',
];

/** Editable text belongs to whoever types it: any contenteditable value but "false". */
const EDITABLE_SELECTOR = '[contenteditable]:not([contenteditable="false"])';

/** Matches an element we skip, with its whole subtree: `el.closest(SKIP_SELECTOR)`. */
export const SKIP_SELECTOR = [...SKIPPED_ELEMENTS, EDITABLE_SELECTOR].join(',');

const SKIPPED = new Set(SKIPPED_ELEMENTS);

/**
 * Is this element (and so its subtree) one we skip? For a walk from the top, where every ancestor
 * was asked already. Same answer as `el.matches(SKIP_SELECTOR)`, with a set look-up first
 * because a walk asks it of every element of the page.
 */
export function isSkippedElement(el: Element): boolean {
  if (SKIPPED.has(el.localName)) return true;
  return el.hasAttribute('contenteditable') && el.matches(EDITABLE_SELECTOR);
}

/**
 * Is this node inside (or itself) an element we skip? For a node that arrives on its own, by
 * mutation. Also true in text the browser has made editable without the attribute (designMode
 * switched on after the first scan).
 */
export function isInsideSkipped(node: Node): boolean {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!el) return false;
  if (el.closest(SKIP_SELECTOR)) return true;
  return (el as Partial<HTMLElement>).isContentEditable === true;
}
