import { describe, expect, it } from 'vitest';
import { TermHighlighter } from './highlighter';
import { rangeOf, termAtPoint, termAtSelection } from './hit-test';
import { charRect, mount, pointIn, sampleMatcher, textOf } from '@/test/browser/dom';

const matcher = sampleMatcher();
/** Big monospaced glyphs: a glyph is ~24 px wide, so "the middle of a glyph" is far from its edges. */
const STYLE = 'font: 40px/1.5 monospace; margin: 20px; white-space: pre';

/** A paragraph with `text`, its terms placed; returns its text node and the highlighter. */
function paragraph(text: string, style = STYLE): { node: Text; highlighter: TermHighlighter } {
  const p = mount('<p id="p"></p>');
  p.setAttribute('style', style);
  p.textContent = text;
  const node = textOf(p);
  const highlighter = new TermHighlighter(false);
  highlighter.place(node, matcher.find(node.data));
  return { node, highlighter };
}

function hit(highlighter: TermHighlighter, at: { x: number; y: number }, shadowRoots: ShadowRoot[] = []) {
  const found = termAtPoint(document, highlighter, at.x, at.y, shadowRoots);
  return found && { termId: found.term.termId, text: found.range.toString() };
}

describe('termAtPoint', () => {
  it('finds the term under the middle of each of its glyphs', () => {
    const { node, highlighter } = paragraph('Het ETIAS meldt');
    for (let i = 4; i < 9; i++) {
      expect(hit(highlighter, pointIn(node, i)), `glyph ${i} "${node.data[i]}"`).toEqual({
        termId: 'etias',
        text: 'ETIAS',
      });
    }
  });

  it('finds the term near its outer edges, where the caret snaps to the term’s start or end', () => {
    const { node, highlighter } = paragraph('Het ETIAS meldt');
    const first = charRect(node, 4);
    const last = charRect(node, 8);
    const y = first.top + first.height / 2;
    // Left quarter of "E": the caret is before it (offset 4). Right quarter of "S": after it (offset 9).
    expect(hit(highlighter, { x: first.left + first.width / 4, y })?.termId).toBe('etias');
    expect(hit(highlighter, { x: last.right - last.width / 4, y })?.termId).toBe('etias');
  });

  it('returns null on text that is not a term', () => {
    const { node, highlighter } = paragraph('Het ETIAS meldt');
    expect(hit(highlighter, pointIn(node, 1))).toBeNull();
    expect(hit(highlighter, pointIn(node, 12))).toBeNull();
  });

  it('returns null on the space after a term, although the caret there is at the term’s end', () => {
    const { node, highlighter } = paragraph('Het ETIAS meldt');
    expect(hit(highlighter, pointIn(node, 9))).toBeNull();
    expect(hit(highlighter, pointIn(node, 3))).toBeNull();
  });

  it('tells two terms apart across one separating glyph, and returns null on the glyph itself', () => {
    const { node, highlighter } = paragraph('ETIAS/NSEC');
    const s = charRect(node, 4);
    const n = charRect(node, 6);
    const y = s.top + s.height / 2;
    expect(hit(highlighter, { x: s.right - s.width / 4, y })?.termId).toBe('etias');
    expect(hit(highlighter, { x: n.left + n.width / 4, y })?.termId).toBe('nsec');
    // The middle of "/": the caret snaps to ETIAS's end or NSEC's start; neither term's box holds the point.
    expect(hit(highlighter, pointIn(node, 5))).toBeNull();
  });

  it('returns null below a term, where the caret still lands inside the term', () => {
    const { node, highlighter } = paragraph('ETIAS');
    const rect = charRect(node, 2);
    expect(hit(highlighter, { x: rect.left + rect.width / 2, y: rect.bottom + 15 })).toBeNull();
    expect(hit(highlighter, { x: rect.left + rect.width / 2, y: rect.top - 15 })).toBeNull();
  });

  it('returns null off any text', () => {
    const { highlighter } = paragraph('ETIAS');
    mount('<div style="height: 100px; width: 100px; background: gray"></div>');
    const box = document.body.lastElementChild!.getBoundingClientRect();
    expect(hit(highlighter, { x: box.left + 50, y: box.top + 50 })).toBeNull();
    expect(hit(highlighter, { x: 790, y: 10 })).toBeNull();
  });

  it('finds a term that wraps onto the next line, on both lines', () => {
    // Narrow enough that "Raad Algemene Zaken" breaks after "Raad".
    const { node, highlighter } = paragraph('Raad Algemene Zaken', 'font: 40px/1.5 monospace; width: 6ch; margin: 0');
    const first = charRect(node, 1);
    const second = charRect(node, 8);
    expect(second.top).toBeGreaterThan(first.bottom - 1);
    expect(hit(highlighter, pointIn(node, 1))).toEqual({ termId: 'raz', text: 'Raad Algemene Zaken' });
    expect(hit(highlighter, pointIn(node, 8))?.termId).toBe('raz');
  });

  it('finds a term inside an open shadow root it is given', () => {
    const host = mount('<div id="host"></div>');
    const shadow = host.attachShadow({ mode: 'open' });
    const p = document.createElement('p');
    p.setAttribute('style', STYLE);
    p.textContent = 'Het NSEC';
    shadow.append(p);
    const node = textOf(p);
    const highlighter = new TermHighlighter(false);
    highlighter.place(node, matcher.find(node.data));
    expect(hit(highlighter, pointIn(node, 5), [shadow])).toEqual({ termId: 'nsec', text: 'NSEC' });
    expect(hit(highlighter, pointIn(node, 1), [shadow])).toBeNull();
  });

  it('uses caretRangeFromPoint where caretPositionFromPoint is missing', () => {
    const { node, highlighter } = paragraph('Het ETIAS meldt');
    const at = pointIn(node, 6);
    const native = document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
    if (!native.caretRangeFromPoint) {
      // Firefox has only the standard call, which is the path it takes.
      expect(typeof document.caretPositionFromPoint).toBe('function');
      return;
    }
    const onlyRange = { caretRangeFromPoint: native.caretRangeFromPoint.bind(document) } as unknown as Document;
    const found = termAtPoint(onlyRange, highlighter, at.x, at.y, []);
    expect(found?.term.termId).toBe('etias');
    const off = pointIn(node, 1);
    expect(termAtPoint(onlyRange, highlighter, off.x, off.y, [])).toBeNull();
  });
});

describe('termAtSelection', () => {
  it('finds the term the selection starts or ends in, and nothing elsewhere', () => {
    const { node, highlighter } = paragraph('Het ETIAS meldt NSEC');
    const select = (start: number, end: number) => {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return termAtSelection(document, highlighter)?.term.termId ?? null;
    };
    expect(select(5, 7)).toBe('etias');
    expect(select(4, 9)).toBe('etias');
    expect(select(0, 2)).toBeNull();
    // Ends inside NSEC: the last selected character is a term's.
    expect(select(11, 18)).toBe('nsec');
  });

  it('returns null without a selection', () => {
    const { highlighter } = paragraph('ETIAS');
    getSelection()!.removeAllRanges();
    expect(termAtSelection(document, highlighter)).toBeNull();
  });
});

describe('rangeOf', () => {
  it('covers exactly the term’s text', () => {
    const { highlighter } = paragraph('Het ETIAS meldt');
    const [term] = highlighter.occurrences('etias');
    expect(rangeOf(term!).toString()).toBe('ETIAS');
  });
});
