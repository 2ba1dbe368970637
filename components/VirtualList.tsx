import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { scrollToRow, virtualWindow } from './virtual-window';

interface Props {
  /** How many rows the list has (its scroll height is `count * rowHeight`). */
  count: number;
  /** Every row's height in pixels (CSS keeps it so). */
  rowHeight: number;
  /** Rows rendered beyond each edge of the viewport. */
  overscan?: number;
  /** The list's accessible name. */
  label: string;
  /** A row's content (the list item around it is the list's); called only for rendered rows. */
  renderRow: (index: number) => ComponentChildren;
  /** The rows rendered changed: `[start, end)` (the caller reads those it lacks). */
  onRange?: (start: number, end: number) => void;
  /** A row to bring into view (and focus), e.g. from a link to one entry; changes of it are followed. */
  scrollTo?: { index: number } | null;
  /** False while the list may grow (a filter's matches still being read): rows say aria-setsize -1. */
  sizeKnown?: boolean;
  /** When it changes the list is another (a new filter): back to its top. */
  resetKey?: string;
  class?: string;
}

const FOCUSABLE = 'a[href], button:not([disabled])';

/**
 * A list of many rows of one height that renders only those in view (and a few around): a
 * glossary of 100 000 entries costs some thirty list items. The scroll box is focusable (arrow keys
 * and Page Up/Down scroll it); in a row, ↑/↓, Home/End and Page Up/Down move to the other rows'
 * first link or button, rendering them first; Tab stops at one row only. Rows are list items with
 * aria-setsize/aria-posinset, so a screen reader tells "12 of 100 000".
 */
export function VirtualList(props: Props) {
  const { count, rowHeight, overscan = 8, label, renderRow, onRange, scrollTo, resetKey, sizeKnown = true } = props;
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);
  /** A row to focus once it is rendered (keyboard moves, links to an entry). */
  const pendingFocus = useRef<number | null>(null);
  /** The row Tab enters the rows at (the last one focused): one tab stop for the rows, not thirty. */
  const active = useRef(0);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const { start, end, offset } = virtualWindow({ scrollTop, height, rowHeight, overscan, count });

  useEffect(() => onRange?.(start, end), [start, end]);

  const moveTo = (index: number) => {
    const el = box.current;
    if (!el || count === 0) return;
    const target = Math.min(count - 1, Math.max(0, index));
    const top = scrollToRow(target, el.scrollTop, el.clientHeight, rowHeight);
    if (top !== null) {
      el.scrollTop = top;
      setScrollTop(el.scrollTop);
    }
    pendingFocus.current = target;
    focusPending();
  };

  const focusPending = () => {
    const index = pendingFocus.current;
    if (index === null) return;
    const target = box.current?.querySelector<HTMLElement>(`[data-index="${index}"] :is(${FOCUSABLE})`);
    if (!target) return; // not rendered yet: the next render focuses it
    pendingFocus.current = null;
    target.focus({ preventScroll: true });
  };

  useEffect(focusPending);

  // A roving tab stop: only the active row's links and buttons are in the Tab order.
  useLayoutEffect(() => {
    box.current?.querySelectorAll<HTMLElement>('[data-index]').forEach((row) => {
      const tabIndex = Number(row.dataset.index) === active.current ? 0 : -1;
      row.querySelectorAll<HTMLElement>(FOCUSABLE).forEach((el) => (el.tabIndex = tabIndex));
    });
  });

  // Followed once the row exists: a link to an entry can come before the list knows its length.
  const reachable = !!scrollTo && scrollTo.index < count;
  useEffect(() => {
    if (scrollTo && reachable) moveTo(scrollTo.index);
  }, [scrollTo, reachable]);

  const firstKey = useRef(resetKey);
  useEffect(() => {
    if (firstKey.current === resetKey || !box.current) return;
    firstKey.current = resetKey;
    active.current = 0;
    box.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  const onKeyDown = (e: KeyboardEvent) => {
    const item = (e.target as Element | null)?.closest<HTMLElement>('[data-index]');
    if (!item || !box.current?.contains(item)) return; // on the box itself: the browser scrolls
    const index = Number(item.dataset.index);
    const page = Math.max(1, Math.floor((box.current.clientHeight || rowHeight) / rowHeight) - 1);
    const next = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: count - 1,
    }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    moveTo(next);
  };

  const items = [];
  for (let i = start; i < end; i++) {
    items.push(
      <li
        key={i}
        data-index={i}
        aria-setsize={sizeKnown ? count : -1}
        aria-posinset={i + 1}
        class="virtual-row"
        style={{ top: `${i * rowHeight - offset}px`, height: `${rowHeight}px` }}
      >
        {renderRow(i)}
      </li>,
    );
  }

  return (
    <div
      ref={box}
      class={`virtual-list${props.class ? ` ${props.class}` : ''}`}
      // Focusable so the keyboard scrolls it even when no row holds the focus.
      tabIndex={0}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
      onFocusIn={(e) => {
        const row = (e.target as Element | null)?.closest<HTMLElement>('[data-index]');
        if (!row || Number(row.dataset.index) === active.current) return;
        const previous = active.current;
        active.current = Number(row.dataset.index);
        box.current
          ?.querySelectorAll<HTMLElement>(`[data-index="${previous}"] :is(${FOCUSABLE})`)
          .forEach((el) => (el.tabIndex = -1));
        row.querySelectorAll<HTMLElement>(FOCUSABLE).forEach((el) => (el.tabIndex = 0));
      }}
    >
      <div class="virtual-spacer" style={{ height: `${count * rowHeight}px` }}>
        <ul
          role="list"
          aria-label={label}
          class="virtual-rows"
          style={{ transform: `translateY(${offset}px)`, height: `${(end - start) * rowHeight}px` }}
        >
          {items}
        </ul>
      </div>
    </div>
  );
}
