import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PageDigest } from './PageDigest';

const labels = {
  group: 'Export the terms on this page',
  copyMarkdown: 'Copy as Markdown',
  saveMarkdown: 'Save as Markdown',
  saveCsv: 'Save as CSV',
  copied: 'Copied',
  copyFailed: 'Could not copy to the clipboard',
};

let root: HTMLElement | null = null;

function mount(props: Partial<Parameters<typeof PageDigest>[0]> = {}) {
  const calls: string[] = [];
  root = document.createElement('div');
  document.body.append(root);
  render(
    h(PageDigest, {
      labels,
      onCopyMarkdown: () => (calls.push('copy'), Promise.resolve()),
      onSaveMarkdown: () => void calls.push('md'),
      onSaveCsv: () => void calls.push('csv'),
      ...props,
    }),
    root,
  );
  const group = root.querySelector<HTMLElement>('[role="group"]')!;
  const button = (label: string) => [...group.querySelectorAll('button')].find((b) => b.textContent === label)!;
  const status = () => group.querySelector('[role="status"]')!.textContent;
  return { group, button, status, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

describe('the digest buttons', () => {
  it('are a labelled group of three buttons, each calling its export', () => {
    const { group, button, calls, status } = mount();
    expect(group.getAttribute('aria-label')).toBe(labels.group);
    expect([...group.querySelectorAll('button')].map((b) => [b.type, b.textContent])).toEqual([
      ['button', 'Copy as Markdown'],
      ['button', 'Save as Markdown'],
      ['button', 'Save as CSV'],
    ]);
    button('Save as Markdown').click();
    button('Save as CSV').click();
    expect(calls).toEqual(['md', 'csv']);
    expect(status()).toBe('');
  });

  it('say "Copied" once the clipboard took the Markdown, in a live region that was there before', async () => {
    const { button, status, calls } = mount();
    const region = root!.querySelector('[role="status"]');
    button('Copy as Markdown').click();
    await settle();
    expect(calls).toEqual(['copy']);
    expect(status()).toBe('Copied');
    expect(root!.querySelector('[role="status"]')).toBe(region);
  });

  it('say so when the clipboard refuses', async () => {
    const { button, status } = mount({ onCopyMarkdown: () => Promise.reject(new Error('not focused')) });
    button('Copy as Markdown').click();
    await settle();
    expect(status()).toBe('Could not copy to the clipboard');
  });
});
