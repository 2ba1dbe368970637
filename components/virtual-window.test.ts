import { describe, expect, it } from 'vitest';
import { scrollToRow, virtualWindow } from './virtual-window';

const base = { scrollTop: 0, height: 400, rowHeight: 40, overscan: 5, count: 100_000 };

describe('virtualWindow', () => {
  it('renders the rows in view and the overscan below at the top', () => {
    expect(virtualWindow(base)).toEqual({ start: 0, end: 15, offset: 0 });
  });

  it('adds the overscan on both sides in the middle', () => {
    // Rows 1000–1009 are in view.
    expect(virtualWindow({ ...base, scrollTop: 40_000 })).toEqual({ start: 995, end: 1015, offset: 995 * 40 });
  });

  it('counts a partly visible row at either edge', () => {
    // 20 px into row 10: rows 10–20 show (20 partly).
    expect(virtualWindow({ ...base, overscan: 0, scrollTop: 420 })).toEqual({ start: 10, end: 21, offset: 400 });
  });

  it('stops at the last row', () => {
    const w = virtualWindow({ ...base, scrollTop: 100_000 * 40 - 400 });
    expect(w).toEqual({ start: 99_985, end: 100_000, offset: 99_985 * 40 });
  });

  it('clamps a scroll past the end (the list got shorter) to its last rows', () => {
    expect(virtualWindow({ ...base, count: 30, scrollTop: 40_000 })).toEqual({ start: 15, end: 30, offset: 600 });
  });

  it('renders every row of a list shorter than the viewport', () => {
    expect(virtualWindow({ ...base, count: 3 })).toEqual({ start: 0, end: 3, offset: 0 });
  });

  it('renders nothing for an empty list, and a negative scroll (overscroll) as the top', () => {
    expect(virtualWindow({ ...base, count: 0 })).toEqual({ start: 0, end: 0, offset: 0 });
    expect(virtualWindow({ ...base, scrollTop: -50 })).toEqual({ start: 0, end: 15, offset: 0 });
  });

  it('renders one row (and the overscan) before the viewport has a height', () => {
    expect(virtualWindow({ ...base, height: 0, overscan: 2 })).toEqual({ start: 0, end: 3, offset: 0 });
  });

  it('renders a bounded number of rows however long the list', () => {
    for (const scrollTop of [0, 123_457, 2_000_000, 3_999_600]) {
      const w = virtualWindow({ ...base, scrollTop });
      expect(w.end - w.start).toBeLessThanOrEqual(400 / 40 + 1 + 2 * 5);
    }
  });
});

describe('scrollToRow', () => {
  it('scrolls up to a row above the viewport, down to one below, not at all for one in view', () => {
    expect(scrollToRow(5, 400, 400, 40)).toBe(200);
    expect(scrollToRow(30, 400, 400, 40)).toBe(30 * 40 + 40 - 400);
    expect(scrollToRow(12, 400, 400, 40)).toBeNull();
  });
});
