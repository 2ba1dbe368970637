import { afterEach, describe, expect, it } from 'vitest';
import { earliestTextAtProbes } from './first-screen';
import { mount, textOf } from '@/test/browser/dom';

type CaretFrom = (x: number, y: number, options?: unknown) => unknown;
const caretDoc = document as unknown as { caretPositionFromPoint?: CaretFrom; caretRangeFromPoint?: CaretFrom };

/** Counts the hit-tests that find a caret (the one of the two methods the browser has that caretAt uses). */
function countCaretCalls(): { calls: () => number; restore: () => void } {
  const name = caretDoc.caretPositionFromPoint ? 'caretPositionFromPoint' : 'caretRangeFromPoint';
  const original = caretDoc[name]!;
  let calls = 0;
  caretDoc[name] = (...args) => {
    calls++;
    return original.apply(document, args);
  };
  return { calls: () => calls, restore: () => delete caretDoc[name] };
}

const mounted: Element[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

const box = (id: string, style: string, text: string) => {
  const el = mount(`<p id="${id}" style="position:fixed;margin:0;overflow:hidden;${style}"></p>`);
  el.textContent = text;
  mounted.push(el);
  return el;
};

describe('earliestTextAtProbes (the first screen’s start)', () => {
  it('hit-tests a text that covers the screen once, not at every probe', () => {
    const huge = box('huge', 'inset:0', 'Plain words with nothing to explain, repeated. '.repeat(20_000));
    const counter = countCaretCalls();
    try {
      expect(earliestTextAtProbes(document, document)).toBe(textOf(huge));
      expect(counter.calls()).toBe(1);
    } finally {
      counter.restore();
    }
  });

  it('still finds the earliest in document order where the screen shows a later one first', () => {
    // The right half comes first in the document; the probes reach the left half first.
    const right = box('right', 'top:0;bottom:0;right:0;width:50%', 'Right, earlier. '.repeat(400));
    const left = box('left', 'top:0;bottom:0;left:0;width:50%', 'Left, later. '.repeat(400));
    expect(right.compareDocumentPosition(left) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(earliestTextAtProbes(document, document)).toBe(textOf(right));
  });
});
