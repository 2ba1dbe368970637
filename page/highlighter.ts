/** The one named highlight we register; styled by `::highlight(benelux-glossary)` in content CSS. */
export const HIGHLIGHT_NAME = 'benelux-glossary';

export interface PlacedTerm {
  node: Text;
  start: number;
  end: number;
  termId: string;
  range: StaticRange;
  /** Other terms its words may mean (an ambiguous form), when the background matched it. */
  others?: readonly string[];
}

/**
 * Our own index of highlighted ranges, by text node, so that hit-testing the pointer is a map
 * look-up and the page's DOM is never touched. StaticRanges cost nothing on page mutations; the
 * scanner replaces a node's ranges when its text changes.
 */
export class TermHighlighter {
  /** The registered highlight: what the page shows. */
  private highlight = new Highlight();
  /**
   * During a long scan, ranges go to an unregistered highlight that replaces the registered one
   * when the scan ends. Chromium revalidates every range of a registered highlight on each frame
   * it changed in, so adding to it slice by slice grew quadratic (seconds on a 4 MB page).
   */
  private staging: Highlight | null = null;
  private readonly byNode = new Map<Text, PlacedTerm[]>();
  private readonly firstByTerm = new Map<string, PlacedTerm>();

  constructor(private readonly firstOnly: boolean) {
    CSS.highlights.set(HIGHLIGHT_NAME, this.highlight);
  }

  /** Replaces the ranges of one text node. */
  place(
    node: Text,
    matches: readonly { start: number; end: number; termId: string; others?: readonly string[] }[],
  ): void {
    this.remove(node);
    if (matches.length === 0) return;
    const placed: PlacedTerm[] = [];
    for (const m of matches) {
      const term: PlacedTerm = {
        node,
        start: m.start,
        end: m.end,
        termId: m.termId,
        range: new StaticRange({ startContainer: node, startOffset: m.start, endContainer: node, endOffset: m.end }),
      };
      if (m.others) term.others = m.others;
      if (this.firstOnly && !this.claimFirst(term)) continue;
      placed.push(term);
      (this.staging ?? this.highlight).add(term.range);
    }
    if (placed.length > 0) this.byNode.set(node, placed);
  }

  /** In "first occurrence" mode, keeps only the earliest occurrence of each term in document order. */
  private claimFirst(term: PlacedTerm): boolean {
    const current = this.firstByTerm.get(term.termId);
    if (current) {
      const earlier =
        current.node === term.node
          ? current.start < term.start
          : !!(current.node.compareDocumentPosition(term.node) & Node.DOCUMENT_POSITION_FOLLOWING);
      if (earlier && current.node.isConnected) return false;
      this.drop(current);
    }
    this.firstByTerm.set(term.termId, term);
    return true;
  }

  /** From now on, collect ranges unseen until `commit`. */
  beginBatch(): void {
    if (this.staging) return;
    // Built from our own index: iterating a Highlight from a Firefox content script throws
    // ("Xray wrapping of iterators not supported").
    const staging = new Highlight();
    for (const list of this.byNode.values()) for (const t of list) staging.add(t.range);
    this.staging = staging;
  }

  /** Shows a node's ranges now, even during a batch (the first screen, answered after the batch began). */
  showNow(node: Text): void {
    if (!this.staging) return;
    for (const t of this.byNode.get(node) ?? []) this.highlight.add(t.range);
  }

  /** Shows everything collected since `beginBatch`, in one change of the registry. */
  commit(): void {
    if (!this.staging) return;
    this.highlight = this.staging;
    this.staging = null;
    CSS.highlights.set(HIGHLIGHT_NAME, this.highlight);
  }

  private drop(term: PlacedTerm): void {
    this.highlight.delete(term.range);
    this.staging?.delete(term.range);
    const list = this.byNode.get(term.node);
    if (!list) return;
    const rest = list.filter((t) => t !== term);
    if (rest.length > 0) this.byNode.set(term.node, rest);
    else this.byNode.delete(term.node);
  }

  remove(node: Text): void {
    const list = this.byNode.get(node);
    if (!list) return;
    for (const t of list) {
      this.highlight.delete(t.range);
      this.staging?.delete(t.range);
      if (this.firstByTerm.get(t.termId) === t) this.firstByTerm.delete(t.termId);
    }
    this.byNode.delete(node);
  }

  /** Drops ranges of text nodes that have left the document. */
  prune(): void {
    for (const node of [...this.byNode.keys()]) if (!node.isConnected) this.remove(node);
  }

  /** The placed term covering `offset` in `node`, if any. */
  termAt(node: Node, offset: number): PlacedTerm | undefined {
    const list = node.nodeType === Node.TEXT_NODE ? this.byNode.get(node as Text) : undefined;
    return list?.find((t) => offset >= t.start && offset < t.end);
  }

  /** Occurrences per term id, in this document. */
  counts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const list of this.byNode.values())
      for (const t of list) counts.set(t.termId, (counts.get(t.termId) ?? 0) + 1);
    return counts;
  }

  occurrences(termId: string): PlacedTerm[] {
    const out: PlacedTerm[] = [];
    for (const list of this.byNode.values()) for (const t of list) if (t.termId === termId) out.push(t);
    return out;
  }

  /**
   * Registers our highlight again if the page took it out of the registry the page shares with us
   * (`CSS.highlights.clear()`, `delete`, or a highlight of its own under our name). No event tells
   * of that: the highlight feature asks every second (one map look-up).
   */
  ensureRegistered(): boolean {
    if (CSS.highlights.get(HIGHLIGHT_NAME) === this.highlight) return false;
    CSS.highlights.set(HIGHLIGHT_NAME, this.highlight);
    return true;
  }

  /** Removes every highlight at once. */
  destroy(): void {
    this.staging = null;
    this.highlight.clear();
    this.byNode.clear();
    this.firstByTerm.clear();
    if (CSS.highlights.get(HIGHLIGHT_NAME) === this.highlight) CSS.highlights.delete(HIGHLIGHT_NAME);
  }
}
