/** The rows a virtual list renders: `[start, end)`, and the offset of the first from the list's top. */
export interface VirtualWindow {
  start: number;
  end: number;
  /** `start * rowHeight`: where the first rendered row sits. */
  offset: number;
}

/**
 * Which rows of a list of `count` rows of `rowHeight` pixels are in view for a viewport of `height`
 * scrolled to `scrollTop`, with `overscan` rows more on each side (so a scroll by a few rows shows
 * rows already rendered). Pure: the list component and its tests agree on it.
 */
export function virtualWindow({
  scrollTop,
  height,
  rowHeight,
  overscan,
  count,
}: {
  scrollTop: number;
  height: number;
  rowHeight: number;
  overscan: number;
  count: number;
}): VirtualWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, offset: 0 };
  // A scroll past the end (a list that just got shorter) still shows its last rows.
  const maxTop = Math.max(0, count * rowHeight - Math.max(0, height));
  const top = Math.min(Math.max(0, scrollTop), maxTop);
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + Math.max(0, height)) / rowHeight); // exclusive
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, Math.max(last, first + 1) + overscan);
  return { start, end, offset: start * rowHeight };
}

/** The scrollTop that brings row `index` into view, moving as little as possible (null: it already is). */
export function scrollToRow(index: number, scrollTop: number, height: number, rowHeight: number): number | null {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + height) return top + rowHeight - height;
  return null;
}
