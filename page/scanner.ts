import type { TermMatcher } from '@/core/term-matcher';
import type { TermHighlighter } from './highlighter';
import { isInsideSkipped, isSkippedElement } from './skip-rules';

// Kept importable from here for the modules that know it as the scanner's.
export { UI_HOST_TAG } from './skip-rules';

/** Pages with more text nodes than this left to match collect them unseen and show them at once. */
const BATCH_FROM = 200;

/** Time a slice may take before it yields: well under the 50 ms of a long task. */
const SLICE_MS = 8;
/** In a long idle period a slice may run longer, still short of a long task. */
const MAX_SLICE_MS = 30;

type Idle = (run: (deadline: { timeRemaining(): number }) => void) => void;

export interface ScannerOptions {
  matcher: TermMatcher;
  highlighter: TermHighlighter;
  /** Schedules a slice when the browser is idle (bound to the content script's lifetime). */
  idle: Idle;
  /** Called after each slice that placed highlights, e.g. to update the badge count. */
  onProgress?: () => void;
  /** Called once when the first full scan is done: a moment to prepare UI ahead of use. */
  onIdle?: () => void;
}

/**
 * Walks a document's text (and open shadow roots) in small slices: what is on screen first, the
 * rest when the browser is idle, so no task of ours runs long on any page size. A MutationObserver
 * per root feeds added and changed text back in, batched.
 */
export class PageScanner {
  private readonly pending: Text[] = [];
  private readonly walks: TreeWalker[] = [];
  private readonly observers: MutationObserver[] = [];
  private readonly roots = new Set<Node>();
  private scheduled = false;
  private needsPrune = false;
  private stopped = false;
  private visibleFirst = true;
  /** Visible nodes still to match before the rest of the page is collected unseen. */
  private visibleLeft = 0;
  private doneOnce = false;

  constructor(private readonly opts: ScannerOptions) {}

  start(doc: Document, root?: Element | null): void {
    if (doc.designMode === 'on') return;
    if (root) this.addRoot(root);
    else this.addRoot(doc);
    // The first slice runs now, not when idle: what the reader sees gets explained at once.
    this.runSlice(SLICE_MS);
  }

  stop(): void {
    this.stopped = true;
    for (const o of this.observers) o.disconnect();
    this.observers.length = 0;
    this.pending.length = 0;
    this.walks.length = 0;
  }

  /** Forgets everything and scans again (single-page-app navigation, settings change). */
  restart(doc: Document, root?: Element | null): void {
    this.stop();
    this.stopped = false;
    this.roots.clear();
    this.visibleFirst = true;
    this.start(doc, root);
  }

  /** Open shadow roots we scan, for hit-testing into them. */
  shadowRoots(): ShadowRoot[] {
    return [...this.roots].filter((r): r is ShadowRoot => r instanceof ShadowRoot);
  }

  private addRoot(root: Document | ShadowRoot | Element): void {
    if (this.roots.has(root)) return;
    this.roots.add(root);
    const observer = new MutationObserver((records) => this.onMutations(records));
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    this.observers.push(observer);
    this.walks.push(this.walker(root));
  }

  private walker(root: Node): TreeWalker {
    const doc = root.ownerDocument ?? (root as Document);
    return doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => {
        if (node.nodeType === Node.TEXT_NODE) {
          return (node as Text).data.length > 1 ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
        }
        const el = node as Element;
        if (isSkippedElement(el)) return NodeFilter.FILTER_REJECT;
        if (el.shadowRoot) this.addRoot(el.shadowRoot);
        return NodeFilter.FILTER_SKIP;
      },
    });
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    this.opts.idle((deadline) => {
      this.scheduled = false;
      // An idle period is the browser saying nothing else is waiting: use it, up to MAX_SLICE_MS.
      this.runSlice(Math.max(SLICE_MS, Math.min(MAX_SLICE_MS, deadline.timeRemaining() - 2)));
    });
  }

  private failures = 0;

  private runSlice(budget: number): void {
    try {
      this.slice(budget);
    } catch (error) {
      // One bad node or browser quirk must not leave the rest of the page unexplained.
      console.error('Benelux Glossary: a scanning slice failed', error);
      if (++this.failures < 3) this.schedule();
    }
  }

  private slice(budget: number): void {
    if (this.stopped) return;
    const end = performance.now() + budget;
    let placed = false;
    // Walk first (cheap), then match; both stop when the slice's time is up.
    while (this.walks.length > 0 && performance.now() < end) {
      const walk = this.walks[0]!;
      for (let i = 0; i < 256; i++) {
        const node = walk.nextNode();
        if (!node) {
          this.walks.shift();
          break;
        }
        this.pending.push(node as Text);
      }
    }
    if (this.walks.length === 0 && this.visibleFirst) {
      this.visibleFirst = false;
      this.visibleLeft = this.moveVisibleToFront();
    }
    while (this.pending.length > 0 && performance.now() < end) {
      // pending is consumed from its end: moveVisibleToFront puts visible nodes there.
      const node = this.pending.pop()!;
      if (this.visibleLeft > 0 && --this.visibleLeft === 0) this.batchRest();
      if (!node.isConnected) continue;
      this.opts.highlighter.place(node, this.opts.matcher.find(node.data));
      placed = true;
    }
    if (this.visibleLeft === 0 && this.pending.length > BATCH_FROM) this.batchRest();
    if (this.needsPrune && this.pending.length === 0 && this.walks.length === 0) {
      this.needsPrune = false;
      this.opts.highlighter.prune();
      placed = true;
    }
    const more = this.walks.length > 0 || this.pending.length > 0 || this.needsPrune;
    if (!more) this.opts.highlighter.commit();
    if (placed) this.opts.onProgress?.();
    if (more) this.schedule();
    else if (!this.doneOnce) {
      this.doneOnce = true;
      this.opts.onIdle?.();
    }
  }

  /**
   * Orders pending nodes so that those on screen are matched first. Text nodes are in document
   * order, which in ordinary flow is also top-to-bottom: a binary search on their rectangles finds
   * the first visible one in O(log n) layout reads.
   */
  private batchRest(): void {
    this.opts.highlighter.beginBatch();
  }

  private moveVisibleToFront(): number {
    const nodes = this.pending;
    if (nodes.length === 0) return 0;
    const view = nodes[0]!.ownerDocument.defaultView;
    const height = view?.innerHeight ?? 0;
    const top = (n: Text) => n.parentElement?.getBoundingClientRect().bottom ?? 0;
    let lo = 0;
    let hi = nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (top(nodes[mid]!) < 0) lo = mid + 1;
      else hi = mid;
    }
    let visibleEnd = lo;
    while (visibleEnd < nodes.length && visibleEnd - lo < 2000) {
      const rect = nodes[visibleEnd]!.parentElement?.getBoundingClientRect();
      if (rect && rect.top > height) break;
      visibleEnd++;
    }
    // Consumed from the end: rest in reverse document order, then the visible ones last (= first).
    const visible = nodes.slice(lo, visibleEnd).reverse();
    const rest = [...nodes.slice(visibleEnd), ...nodes.slice(0, lo)].reverse();
    nodes.length = 0;
    for (const n of rest) nodes.push(n);
    for (const n of visible) nodes.push(n);
    return visible.length;
  }

  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === 'characterData') {
        if (r.target.nodeType === Node.TEXT_NODE && !isInsideSkipped(r.target)) this.pending.push(r.target as Text);
        continue;
      }
      if (r.removedNodes.length > 0) this.needsPrune = true;
      for (const node of r.addedNodes) {
        if (node.nodeType === Node.TEXT_NODE) {
          if (!isInsideSkipped(node)) this.pending.push(node as Text);
        } else if (node.nodeType === Node.ELEMENT_NODE) {
          const el = node as Element;
          if (isInsideSkipped(el)) continue;
          this.walks.push(this.walker(el));
          if (el.shadowRoot) this.addRoot(el.shadowRoot);
        }
      }
    }
    this.schedule();
  }
}
