import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_NAME, TermHighlighter } from './highlighter';
import { byId, mount, sampleMatcher, shown, textOf } from '@/test/browser/dom';

const matcher = sampleMatcher();

/** Places the matches of every text node under `root`, in document order. */
function placeAll(highlighter: TermHighlighter, root: Element): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  for (const node of nodes) highlighter.place(node, matcher.find(node.data));
  return nodes;
}

describe('TermHighlighter', () => {
  it('registers one named highlight and adds a range per occurrence', () => {
    mount('<p id="a">Het ETIAS en het NSEC</p><p id="b">Benelux, ETIAS.</p>');
    const highlighter = new TermHighlighter(false);
    expect(CSS.highlights.get(HIGHLIGHT_NAME)).toBeInstanceOf(Highlight);
    placeAll(highlighter, document.body);
    expect(shown()).toEqual([
      { text: 'ETIAS', in: 'a' },
      { text: 'NSEC', in: 'a' },
      { text: 'Benelux', in: 'b' },
      { text: 'ETIAS', in: 'b' },
    ]);
    expect([...highlighter.counts().values()].reduce((a, b) => a + b, 0)).toBe(4);
    expect(CSS.highlights.get(HIGHLIGHT_NAME)?.size).toBe(4);
  });

  it('leaves the page DOM as it was', () => {
    const p = mount('<p id="a">Het <b>ETIAS</b> en het NSEC</p>');
    const before = p.cloneNode(true);
    placeAll(new TermHighlighter(false), p);
    expect(shown().map((s) => s.text)).toEqual(['ETIAS', 'NSEC']);
    expect(p.isEqualNode(before)).toBe(true);
  });

  it('counts occurrences per term and lists them', () => {
    mount('<p id="a">ETIAS, ETIAS en NSEC</p><p id="b">ETIAS</p><p id="c">niets</p>');
    const highlighter = new TermHighlighter(false);
    placeAll(highlighter, document.body);
    expect(Object.fromEntries(highlighter.counts())).toEqual({ etias: 3, nsec: 1 });
    const etias = highlighter.occurrences('etias');
    expect(etias.map((t) => [t.node.parentElement?.id, t.start, t.end])).toEqual([
      ['a', 0, 5],
      ['a', 7, 12],
      ['b', 0, 5],
    ]);
    expect(highlighter.occurrences('raz')).toEqual([]);
  });

  it('replaces a node’s ranges when it is placed again', () => {
    const p = mount('<p id="a">ETIAS en NSEC</p>');
    const highlighter = new TermHighlighter(false);
    placeAll(highlighter, p);
    const node = textOf(p);
    node.data = 'alleen NSEC nu';
    highlighter.place(node, matcher.find(node.data));
    expect(shown()).toEqual([{ text: 'NSEC', in: 'a' }]);
    expect(Object.fromEntries(highlighter.counts())).toEqual({ nsec: 1 });
  });

  it('removes a node’s ranges from CSS.highlights', () => {
    mount('<p id="a">ETIAS</p><p id="b">NSEC</p>');
    const highlighter = new TermHighlighter(false);
    placeAll(highlighter, document.body);
    highlighter.remove(textOf(byId('a')));
    expect(shown()).toEqual([{ text: 'NSEC', in: 'b' }]);
    expect(CSS.highlights.get(HIGHLIGHT_NAME)?.size).toBe(1);
    expect(highlighter.counts().has('etias')).toBe(false);
  });

  it('prunes the ranges of text that left the document', () => {
    mount('<p id="a">ETIAS</p><p id="b">NSEC</p>');
    const highlighter = new TermHighlighter(false);
    placeAll(highlighter, document.body);
    byId('a').remove();
    highlighter.prune();
    expect(shown()).toEqual([{ text: 'NSEC', in: 'b' }]);
    expect(Object.fromEntries(highlighter.counts())).toEqual({ nsec: 1 });
  });

  it('finds the placed term at an offset: start inclusive, end exclusive', () => {
    const p = mount('<p id="a">Het ETIAS.</p>');
    const highlighter = new TermHighlighter(false);
    placeAll(highlighter, p);
    const node = textOf(p);
    expect(highlighter.termAt(node, 3)).toBeUndefined();
    expect(highlighter.termAt(node, 4)?.termId).toBe('etias');
    expect(highlighter.termAt(node, 8)?.termId).toBe('etias');
    expect(highlighter.termAt(node, 9)).toBeUndefined();
    expect(highlighter.termAt(p, 0)).toBeUndefined();
  });

  it('in first-occurrence mode keeps only the earliest occurrence in document order', () => {
    mount('<p id="a">ETIAS en ETIAS</p><p id="b">ETIAS en NSEC</p>');
    const highlighter = new TermHighlighter(true);
    // Placed out of document order, as the scanner does when it matches what is on screen first.
    highlighter.place(textOf(byId('b')), matcher.find(textOf(byId('b')).data));
    expect(shown()).toEqual([
      { text: 'ETIAS', in: 'b' },
      { text: 'NSEC', in: 'b' },
    ]);
    highlighter.place(textOf(byId('a')), matcher.find(textOf(byId('a')).data));
    expect(shown()).toEqual([
      { text: 'ETIAS', in: 'a' },
      { text: 'NSEC', in: 'b' },
    ]);
    expect(highlighter.occurrences('etias').map((t) => t.start)).toEqual([0]);
  });

  it('shows ranges placed during a batch only when it is committed, all at once', () => {
    mount('<p id="a">ETIAS</p><p id="b">NSEC en Benelux</p>');
    const highlighter = new TermHighlighter(false);
    highlighter.place(textOf(byId('a')), matcher.find('ETIAS'));
    const registered = CSS.highlights.get(HIGHLIGHT_NAME);
    highlighter.beginBatch();
    highlighter.place(textOf(byId('b')), matcher.find(textOf(byId('b')).data));
    expect(shown()).toEqual([{ text: 'ETIAS', in: 'a' }]);
    expect(CSS.highlights.get(HIGHLIGHT_NAME)).toBe(registered);
    highlighter.commit();
    expect(CSS.highlights.get(HIGHLIGHT_NAME)).not.toBe(registered);
    expect(shown()).toEqual([
      { text: 'ETIAS', in: 'a' },
      { text: 'Benelux', in: 'b' },
      { text: 'NSEC', in: 'b' },
    ]);
  });

  it('removes every highlight on destroy, and only its own registration', () => {
    mount('<p id="a">ETIAS</p>');
    const highlighter = new TermHighlighter(false);
    placeAll(highlighter, document.body);
    highlighter.destroy();
    expect(CSS.highlights.has(HIGHLIGHT_NAME)).toBe(false);
    expect(highlighter.counts().size).toBe(0);

    // A newer highlighter (a restarted content script) has registered itself: the old one leaves it be.
    const old = new TermHighlighter(false);
    const current = new TermHighlighter(false);
    placeAll(current, document.body);
    old.destroy();
    expect(shown()).toEqual([{ text: 'ETIAS', in: 'a' }]);
  });
});
