import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualList } from './VirtualList';

const ROW = 40;
let root: HTMLElement | null = null;

/** A list of `count` rows in a 400 px box, each row a link "Row n"; what it asked for goes in `ranges`. */
function mount(count: number) {
  root = document.createElement('div');
  document.body.append(root);
  const ranges: [number, number][] = [];
  const style = document.createElement('style');
  style.textContent = `.virtual-list{height:400px;overflow-y:auto}.virtual-spacer{position:relative}
    .virtual-rows{list-style:none;margin:0;padding:0;position:relative}.virtual-row{position:absolute;left:0;right:0}`;
  root.append(style);
  const host = document.createElement('div');
  root.append(host);
  render(
    h(VirtualList, {
      count,
      rowHeight: ROW,
      overscan: 2,
      label: 'Entries',
      renderRow: (i: number) => h('a', { href: `#row-${i}` }, `Row ${i}`),
      onRange: (start: number, end: number) => ranges.push([start, end]),
    }),
    host,
  );
  const box = host.querySelector<HTMLElement>('.virtual-list')!;
  const texts = () => [...box.querySelectorAll('li')].map((li) => li.textContent);
  return { box, ranges, texts };
}

/** Past Preact's effects (run after a paint) of what was rendered. */
const frame = () =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))));

afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

describe('VirtualList', () => {
  it('renders only the rows in view of 100 000, as list items that tell their place', async () => {
    const { box, texts } = mount(100_000);
    await frame();
    expect(box.querySelector('.virtual-spacer')!.getBoundingClientRect().height).toBe(100_000 * ROW);
    expect(texts()).toEqual(Array.from({ length: 12 }, (_, i) => `Row ${i}`));
    const list = box.querySelector('ul')!;
    expect(list.getAttribute('role')).toBe('list');
    expect(list.getAttribute('aria-label')).toBe('Entries');
    const first = box.querySelector('li')!;
    expect([first.getAttribute('aria-setsize'), first.getAttribute('aria-posinset')]).toEqual(['100000', '1']);
  });

  it('renders the rows under the viewport after a scroll, where they are seen', async () => {
    const { box, ranges, texts } = mount(100_000);
    await frame();
    box.scrollTop = 50_000 * ROW;
    box.dispatchEvent(new Event('scroll'));
    await frame();
    expect(texts()[0]).toBe('Row 49998');
    expect(texts()).toHaveLength(14);
    expect(ranges.at(-1)).toEqual([49_998, 50_012]);
    const row = [...box.querySelectorAll('li')].find((li) => li.textContent === 'Row 50000')!;
    expect(Math.round(row.getBoundingClientRect().top - box.getBoundingClientRect().top)).toBe(0);
  });

  it('moves the focus from row to row with the arrow keys, End and Home, rendering the row first; one tab stop', async () => {
    const { box } = mount(100_000);
    await frame();
    const focused = () => document.activeElement?.textContent;
    box.querySelector<HTMLElement>('a')!.focus();
    const press = async (key: string) => {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      await frame();
      await frame();
    };
    const tabStops = () => [...box.querySelectorAll<HTMLElement>('a')].filter((a) => a.tabIndex === 0);
    expect(tabStops().map((a) => a.textContent)).toEqual(['Row 0']);
    await press('ArrowDown');
    expect(focused()).toBe('Row 1');
    // One tab stop in the rows: the row last focused.
    expect(tabStops().map((a) => a.textContent)).toEqual(['Row 1']);
    await press('End');
    expect(focused()).toBe('Row 99999');
    await press('ArrowUp');
    expect(focused()).toBe('Row 99998');
    await press('Home');
    expect(focused()).toBe('Row 0');
    expect(box.scrollTop).toBe(0);
  });
});
