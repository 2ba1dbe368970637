import { afterEach, describe, expect, it } from 'vitest';
import { EARLY_LAYOUT_MAX_ELEMENTS, layoutIsCheap } from './first-paint';

/** Adds a stylesheet link and waits until it has loaded or failed. */
function stylesheet(href: string): Promise<HTMLLinkElement> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const settled = new Promise<HTMLLinkElement>((resolve) => {
    link.onload = link.onerror = () => resolve(link);
  });
  document.head.append(link);
  return settled;
}

describe('layoutIsCheap: may a frame lay the page out before its first paint', () => {
  const added: Element[] = [];
  afterEach(() => {
    for (const el of added.splice(0)) el.remove();
  });

  it('says yes on a small page whose stylesheets have loaded', async () => {
    added.push(await stylesheet('data:text/css,p%7Bcolor:red%7D'));
    expect(layoutIsCheap(document)).toBe(true);
  });

  it('says no while a stylesheet is loading, yes once it has loaded or failed or is disabled', async () => {
    const loading = stylesheet('http://127.0.0.1:2/missing.css');
    const link = document.head.lastElementChild as HTMLLinkElement;
    added.push(link);
    expect(layoutIsCheap(document)).toBe(false);
    link.disabled = true;
    expect(layoutIsCheap(document)).toBe(true);
    link.disabled = false;
    expect(layoutIsCheap(document)).toBe(false);
    await loading; // failed: an empty sheet, nothing more to lay out for
    expect(layoutIsCheap(document)).toBe(true);
  });

  it('says no on a page with more elements than the bound', () => {
    const box = document.createElement('div');
    added.push(box);
    document.body.append(box);
    const present = document.getElementsByTagName('*').length;
    box.append(...Array.from({ length: EARLY_LAYOUT_MAX_ELEMENTS - present }, () => document.createElement('span')));
    expect(layoutIsCheap(document)).toBe(true);
    box.append(document.createElement('span'));
    expect(layoutIsCheap(document)).toBe(false);
  });
});
