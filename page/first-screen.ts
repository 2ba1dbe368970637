import { caretAt } from './hit-test';
import { isInsideSkipped } from './skip-rules';

/** Where the first screen is looked for: the browser's own hit-testing at these fractions of the viewport. */
const PROBES = [0.02, 0.25, 0.5, 0.75, 0.98];

/**
 * The earliest text node, in document order, under a few points of the viewport (the scanner's first
 * screen starts there), or null when no point is over text of `root`.
 *
 * A point inside the box of an element already hit is not probed again: hit-testing into a text node
 * costs time in proportion to its length in Chromium (on a page that is one 3 MB text node, 25
 * probes took 0.15–0.7 s, a layout of the page's own aside), and the scanner's walk from the earliest
 * node, back and forth, finds the rest of that element's text on screen without hit-testing.
 */
export function earliestTextAtProbes(doc: Document, root: Node): Text | null {
  const view = doc.defaultView;
  if (!view) return null;
  const width = view.innerWidth;
  const height = view.innerHeight;
  let first: Text | null = null;
  const hitBoxes: DOMRect[] = [];
  for (const fy of PROBES) {
    for (const fx of PROBES) {
      const x = fx * width;
      const y = fy * height;
      if (hitBoxes.some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom)) continue;
      const node = caretAt(doc, x, y)?.node;
      if (node?.nodeType !== Node.TEXT_NODE || !root.contains(node) || isInsideSkipped(node)) continue;
      const box = node.parentElement?.getBoundingClientRect();
      if (box) hitBoxes.push(box);
      if (!first || first.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING) first = node as Text;
    }
  }
  return first;
}
