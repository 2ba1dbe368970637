import type { PlacedTerm, TermHighlighter } from './highlighter';

interface CaretDoc {
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

/** The caret (text node or element, and offset) at a point, by the browser's own hit-testing. */
export function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
): { node: Node; offset: number } | null {
  const caretDoc = doc as unknown as CaretDoc;
  if (caretDoc.caretPositionFromPoint) {
    const pos = caretDoc.caretPositionFromPoint(x, y, { shadowRoots });
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = caretDoc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

export function rangeOf(term: PlacedTerm): Range {
  const range = term.node.ownerDocument.createRange();
  range.setStart(term.node, term.start);
  range.setEnd(term.node, term.end);
  return range;
}

function contains(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return true;
  }
  return false;
}

/**
 * The highlighted term under a point, by hit-testing our own index of ranges: the caret at the point
 * gives a text node and offset; the caret snaps to the nearer glyph edge, so both neighbouring
 * characters are candidates, and the term's own rectangles must contain the point.
 */
export function termAtPoint(
  doc: Document,
  highlighter: TermHighlighter,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[],
): { term: PlacedTerm; range: Range } | null {
  const caret = caretAt(doc, x, y, shadowRoots);
  if (!caret) return null;
  const { node, offset } = caret;
  if (node.nodeType !== Node.TEXT_NODE) return null;
  for (const at of [offset, offset - 1]) {
    const term = highlighter.termAt(node, at);
    if (!term) continue;
    const range = rangeOf(term);
    if (contains(range, x, y)) return { term, range };
  }
  return null;
}

/** The highlighted term at the selection's focus, for the keyboard command. */
export function termAtSelection(
  doc: Document,
  highlighter: TermHighlighter,
): { term: PlacedTerm; range: Range } | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const r = selection.getRangeAt(0);
  for (const [node, offset] of [
    [r.startContainer, r.startOffset],
    [r.endContainer, Math.max(0, r.endOffset - 1)],
  ] as const) {
    const term = highlighter.termAt(node, offset);
    if (term) return { term, range: rangeOf(term) };
  }
  return null;
}
