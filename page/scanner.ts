import type { TermMatch, TermMatcher } from '@/core/term-matcher';
import type { TermHighlighter } from './highlighter';
import { earliestTextAtProbes } from './first-screen';
import { isInsideSkipped, isSkippedElement } from './skip-rules';

// Kept importable from here for the modules that know it as the scanner's.
export { UI_HOST_TAG } from './skip-rules';

/** Pages with more text nodes than this left to match collect them unseen and show them at once. */
const BATCH_FROM = 200;
/** The first screen holds at most this many text nodes (a cheap bound on its layout reads). */
const FIRST_SCREEN_MAX = 2000;

/** Time a slice may take before it yields: well under the 50 ms of a long task. */
const SLICE_MS = 8;
/** In a long idle period a slice may run longer, still short of a long task. */
const MAX_SLICE_MS = 30;

type Idle = (run: (deadline: { timeRemaining(): number }) => void) => void;

/** A match found elsewhere, with the other terms its words may mean (an ambiguous form). */
export type RemoteMatch = TermMatch & { others?: readonly string[] };

/**
 * Matching done elsewhere (the background, for glossaries too big to copy into every frame): per text
 * its matches, or null when the glossary changed meanwhile (a new scan is then on its way).
 */
export interface BatchMatcher {
  findMany(texts: string[]): Promise<RemoteMatch[][] | null>;
}

/** Text sent in one request on the background route: big enough to amortise the message, small enough to come back soon. */
const CHUNK_CHARS = 32_000;
/** The longest text node sent (messaging/background.ts matchTexts). */
const MAX_REMOTE_TEXT = 1_000_000;
/** Requests in flight at once on the background route: one is matched while the next is on its way. */
const IN_FLIGHT = 2;

export interface ScannerOptions {
  matcher: TermMatcher | BatchMatcher;
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
  /** Text nodes to match, in document order (what "reveal the next one" and "first only" rely on). */
  private readonly pending: Text[] = [];
  /** How many of `pending` are matched already (a queue without O(n) shifts). */
  private pendingHead = 0;
  private readonly walks: TreeWalker[] = [];
  private readonly observers: MutationObserver[] = [];
  private readonly roots = new Set<Node>();
  private scheduled = false;
  private needsPrune = false;
  private stopped = false;
  /** Text nodes matched with the first screen, skipped when the full walk reaches them. */
  private readonly firstScreen = new Set<Text>();
  private doneOnce = false;

  constructor(private readonly opts: ScannerOptions) {}

  start(doc: Document, root?: Element | null): void {
    if (doc.designMode === 'on') return;
    if (root) this.addRoot(root);
    else this.addRoot(doc);
    // What the reader sees is explained at once, in its own change of the highlight registry; the
    // rest of the page follows in idle slices, collected unseen and shown in one change at the end.
    try {
      this.explainFirstScreen(doc, root ?? doc);
    } catch (error) {
      console.error('Benelux Glossary: explaining the first screen failed', error);
    }
    this.opts.highlighter.beginBatch();
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    for (const o of this.observers) o.disconnect();
    this.observers.length = 0;
    this.pending.length = 0;
    this.pendingHead = 0;
    this.walks.length = 0;
    this.firstScreen.clear();
  }

  /** Forgets everything and scans again (single-page-app navigation, settings change). */
  restart(doc: Document, root?: Element | null): void {
    this.stop();
    this.stopped = false;
    this.roots.clear();
    this.firstScreen.clear();
    this.start(doc, root);
  }

  /**
   * Matches what was just added now, without waiting for an idle period: for a document that knows
   * when its text has arrived (the PDF viewer, as PDF.js renders a page's text layer).
   */
  flush(): void {
    if (this.stopped) return;
    for (const observer of this.observers) {
      const records = observer.takeRecords();
      if (records.length > 0) this.onMutations(records);
    }
    this.runSlice(MAX_SLICE_MS);
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
    const { matcher } = this.opts;
    if ('findMany' in matcher) {
      while (this.inFlight < IN_FLIGHT && this.pendingHead < this.pending.length && performance.now() < end) {
        this.send(matcher, this.takeChunk());
      }
    } else {
      while (this.pendingHead < this.pending.length && performance.now() < end) {
        const node = this.pending[this.pendingHead++]!;
        if (!node.isConnected || this.firstScreen.delete(node)) continue;
        this.opts.highlighter.place(node, matcher.find(node.data));
        placed = true;
      }
    }
    if (this.pendingHead === this.pending.length) {
      this.pending.length = 0;
      this.pendingHead = 0;
    }
    if (this.pending.length - this.pendingHead > BATCH_FROM) this.opts.highlighter.beginBatch();
    if (this.needsPrune && this.pending.length === 0 && this.walks.length === 0) {
      this.needsPrune = false;
      this.opts.highlighter.prune();
      placed = true;
    }
    const more = this.walks.length > 0 || this.pending.length > 0 || this.needsPrune;
    // On the background route, an answer runs the next slice: no idle slices spin meanwhile.
    const waiting = this.inFlight >= IN_FLIGHT && this.walks.length === 0;
    if ((!more && this.inFlight > 0) || (more && waiting)) {
      if (placed) this.opts.onProgress?.();
      return;
    }
    if (!more) {
      this.opts.highlighter.commit();
      this.firstScreen.clear();
    }
    if (placed) this.opts.onProgress?.();
    if (more) this.schedule();
    else if (!this.doneOnce) {
      this.doneOnce = true;
      this.opts.onIdle?.();
    }
  }

  /**
   * Matches the text nodes on screen now, without a layout of the whole page: the browser's
   * hit-testing at a few points gives on-screen text nodes; from the earliest of them in document
   * order, a walk collects the nodes whose element is on screen, a bounded number of layout reads.
   * Where no probe lands on text, the walk starts at the top of the document instead.
   */
  private explainFirstScreen(doc: Document, root: Node): void {
    const view = doc.defaultView;
    if (!view) return;
    const height = view.innerHeight;
    let first = earliestTextAtProbes(doc, root);
    const rect = (n: Node) => n.parentElement?.getBoundingClientRect();
    const walk = this.walker(root);
    if (first) {
      // A line partly above the probes may start earlier in document order.
      walk.currentNode = first;
      for (let k = 0; k < 50; k++) {
        const previous = walk.previousNode();
        const r = previous && rect(previous);
        if (!r || r.bottom < 0) break;
        first = previous as Text;
      }
      walk.currentNode = first;
    }
    const onScreen: Text[] = first ? [first] : [];
    for (let visited = 0; visited < FIRST_SCREEN_MAX && onScreen.length < FIRST_SCREEN_MAX; visited++) {
      const node = walk.nextNode() as Text | null;
      const r = node && rect(node);
      if (!r) break;
      if (r.top > height) {
        if (first) break; // below the screen: the first screen is done
        continue;
      }
      if (r.bottom >= 0) onScreen.push(node);
    }
    const { matcher } = this.opts;
    if ('findMany' in matcher) {
      // Sent alone, ahead of the rest: what the reader sees comes back first.
      if (onScreen.length > 0)
        this.send(
          matcher,
          onScreen.map((node) => ({ node, text: node.data })),
          true,
        );
      for (const node of onScreen) this.firstScreen.add(node);
      return;
    }
    for (const node of onScreen) {
      this.opts.highlighter.place(node, matcher.find(node.data));
      this.firstScreen.add(node);
    }
    if (onScreen.length > 0) this.opts.onProgress?.();
  }

  /**
   * Matches texts that are not in the document (a PDF's pages not drawn yet) as the scan matches its
   * text nodes, with the same matcher: this frame's, or the background's, a chunk a request. Null: the
   * glossary changed meanwhile (a new scan is on its way).
   */
  async match(texts: readonly string[]): Promise<TermMatch[][] | null> {
    const { matcher } = this.opts;
    if (!('findMany' in matcher)) return texts.map((text) => matcher.find(text));
    const out: TermMatch[][] = [];
    for (let i = 0; i < texts.length;) {
      const chunk: string[] = [];
      for (let chars = 0; i < texts.length && chars < CHUNK_CHARS; i++) {
        // Beyond what a message may carry: not matched, as in the scan.
        const text = texts[i]!.length > MAX_REMOTE_TEXT ? '' : texts[i]!;
        chunk.push(text);
        chars += text.length;
      }
      const answer = await matcher.findMany(chunk);
      if (!answer) return null;
      out.push(...chunk.map((_, k) => answer[k] ?? []));
    }
    return out;
  }

  /** Requests on the background route not answered yet. */
  private inFlight = 0;

  /** The next pending nodes, up to CHUNK_CHARS of text, with the text as sent. */
  private takeChunk(): { node: Text; text: string }[] {
    const chunk: { node: Text; text: string }[] = [];
    let chars = 0;
    while (this.pendingHead < this.pending.length && chars < CHUNK_CHARS) {
      const node = this.pending[this.pendingHead++]!;
      if (!node.isConnected || this.firstScreen.delete(node)) continue;
      if (node.data.length > MAX_REMOTE_TEXT) continue; // beyond what a message may carry
      chunk.push({ node, text: node.data });
      chars += node.data.length;
    }
    if (this.pendingHead === this.pending.length) {
      this.pending.length = 0;
      this.pendingHead = 0;
    }
    return chunk;
  }

  /** Sends a chunk to be matched; places the answer on the nodes whose text is still what was sent. */
  private send(matcher: BatchMatcher, chunk: { node: Text; text: string }[], now = false): void {
    if (chunk.length === 0) return;
    this.inFlight++;
    matcher
      .findMany(chunk.map((c) => c.text))
      .then((answer) => {
        if (this.stopped || !answer) return;
        chunk.forEach(({ node, text }, k) => {
          // Changed since it was sent: the mutation observer queued it again.
          if (!node.isConnected || node.data !== text) return;
          this.opts.highlighter.place(node, answer[k] ?? []);
          if (now) this.opts.highlighter.showNow(node);
        });
        this.opts.onProgress?.();
      })
      .catch((error: unknown) => console.error('Benelux Glossary: matching in the background failed', error))
      .finally(() => {
        this.inFlight--;
        // The next chunk goes now, in the answer's task: waiting for an idle period here left the
        // background without work for 10-30 ms a request on a page still painting (the 1 MB bench
        // page: 32 requests in ~500 ms, ~340 ms this way; its matching is 1-5 ms a request).
        if (!this.stopped) this.runSlice(SLICE_MS);
      });
  }

  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === 'characterData') {
        if (r.target.nodeType === Node.TEXT_NODE && !isInsideSkipped(r.target)) {
          this.firstScreen.delete(r.target as Text); // changed since: matched again
          this.pending.push(r.target as Text);
        }
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
