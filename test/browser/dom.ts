/**
 * Helpers for `*.browser.test.ts`: build small documents, drive the scanner's idle slices by hand
 * (no timers), and read back what the page shows as highlighted.
 */
import { compileMatcher, type MatchTerm, type TermMatcher } from '@/core/term-matcher';
import { HIGHLIGHT_NAME } from '@/page/highlighter';

/** Parses HTML into nodes of this document (DOMParser: nothing runs, nothing is fetched). */
export function fragment(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out = document.createDocumentFragment();
  for (const node of [...parsed.body.childNodes]) out.append(document.importNode(node, true));
  return out;
}

/** Appends `html` to <body>; returns the first element it created. */
export function mount(html: string, parent: ParentNode = document.body): Element {
  const nodes = fragment(html);
  const first = nodes.firstElementChild;
  parent.append(nodes);
  if (!first) throw new Error(`mount: no element in ${html}`);
  return first;
}

export function byId<T extends Element = HTMLElement>(id: string, root: ParentNode = document): T {
  const el = root.querySelector<T>(`#${id}`);
  if (!el) throw new Error(`No element #${id}`);
  return el;
}

/** The scanner's `idle` option, run by the test: `flush()` runs queued slices until none is left. */
export function manualIdle(): {
  idle: (run: (deadline: { timeRemaining(): number }) => void) => void;
  flush: () => Promise<void>;
} {
  const queue: Array<(deadline: { timeRemaining(): number }) => void> = [];
  return {
    idle: (run) => void queue.push(run),
    flush: async () => {
      // MutationObserver records are delivered in a microtask after the change: let them arrive.
      await settle();
      for (let i = 0; i < 1000 && queue.length > 0; i++) {
        queue.shift()!({ timeRemaining: () => 50 });
        await settle();
      }
      if (queue.length > 0) throw new Error('The scanner kept scheduling slices (1000 in a row)');
    },
  };
}

/** One macrotask: pending microtasks (MutationObserver callbacks among them) have all run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function term(id: string, alias: string, caseSensitive = true): MatchTerm {
  return { id, highlight: true, aliases: [{ text: alias, caseSensitive }] };
}

/** A few terms from the letter, enough for mechanics. */
export const SAMPLE_TERMS: readonly MatchTerm[] = [
  term('etias', 'ETIAS'),
  term('nsec', 'NSEC'),
  term('benelux', 'Benelux', false),
  term('raz', 'Raad Algemene Zaken', false),
];

export function sampleMatcher(terms: readonly MatchTerm[] = SAMPLE_TERMS): TermMatcher {
  return compileMatcher(terms);
}

/** Where a highlighted range sits: its text and the id of the nearest element with one. */
export interface Shown {
  text: string;
  in: string;
}

function describeRange(range: AbstractRange): Shown {
  const node = range.startContainer;
  const text = (node.textContent ?? '').slice(range.startOffset, range.endOffset);
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const holder = element?.closest('[id]');
  // Inside a shadow root, name the host too: "host-id/inner-id".
  const root = node.getRootNode();
  const prefix = root instanceof ShadowRoot ? `${root.host.id}/` : '';
  return { text, in: prefix + (holder?.id ?? '') };
}

/** What the page shows as highlighted (the registered highlight, as a reader's browser paints it). */
export function shown(name = HIGHLIGHT_NAME): Shown[] {
  const highlight = CSS.highlights.get(name);
  if (!highlight) return [];
  return [...highlight].map(describeRange).sort((a, b) => a.in.localeCompare(b.in) || a.text.localeCompare(b.text));
}

/** The viewport point at the middle of characters [start, end) of a text node. */
export function pointIn(node: Text, start: number, end = start + 1): { x: number; y: number } {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  const rect = range.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

/** The rectangle of character `index` of a text node. */
export function charRect(node: Text, index: number): DOMRect {
  const range = document.createRange();
  range.setStart(node, index);
  range.setEnd(node, index + 1);
  return range.getBoundingClientRect();
}

export function textOf(el: Element): Text {
  const node = el.firstChild;
  if (!node || node.nodeType !== Node.TEXT_NODE) throw new Error(`<${el.localName}> does not start with text`);
  return node as Text;
}
