import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportedEntry } from '@/core/imported-schema';
import { ImportedEntryRow } from './ImportedEntryRow';

let root: HTMLElement | null = null;

function row(entry: ImportedEntry, lang = 'nl') {
  root = document.createElement('div');
  document.body.append(root);
  render(
    h(ImportedEntryRow, {
      entry,
      lang,
      href: `#term=g:${entry.id}`,
      current: false,
      labels: { languageName: (l: string) => `lang ${l}`, moreLanguages: (n: number) => `+${n} languages` },
    }),
    root,
  );
  return root.querySelector<HTMLElement>('.entry-row')!;
}

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

describe('an imported entry as a row of the entries list', () => {
  it('names it in the reader’s language, with its other languages, definition and subject field', () => {
    const el = row({
      id: '3549876',
      terms: [
        { lang: 'en', text: 'asylum seeker' },
        { lang: 'nl', text: 'asielzoeker', status: 'preferred' },
        { lang: 'fr', text: 'demandeur d’asile' },
      ],
      definitions: [
        { lang: 'en', text: 'A person who seeks protection.' },
        { lang: 'nl', text: 'Iemand die bescherming zoekt.' },
      ],
      subjectFields: ['migration'],
    });
    const name = el.querySelector<HTMLAnchorElement>('a.entry-row-name')!;
    expect(text(name)).toBe('asielzoeker');
    expect(name.getAttribute('href')).toBe('#term=g:3549876');
    expect(text(el.querySelector('.entry-row-subject'))).toBe('migration');
    expect(text(el.querySelector('.entry-row-languages'))).toBe('en: asylum seeker · fr: demandeur d’asile');
    expect(text(el.querySelector('.entry-row-definition'))).toBe('Iemand die bescherming zoekt.');
    expect(el.dataset.entryId).toBe('3549876');
  });

  it('shows markup in a glossary as text, and the first languages of many (Benelux ones first) with a count of the rest', () => {
    const langs = ['de', 'fr', 'es', 'it', 'pt', 'pl', 'sv'];
    const el = row({
      id: 'x',
      terms: [
        { lang: 'en', text: '<img src=x onerror=alert(1)>' },
        ...langs.map((lang) => ({ lang, text: `t-${lang}` })),
      ],
      definitions: [{ lang: 'en', text: '<b>bold</b>' }],
      subjectFields: [],
    });
    expect(el.querySelector('img, b')).toBeNull();
    expect(text(el.querySelector('.entry-row-name'))).toBe('<img src=x onerror=alert(1)>');
    expect(text(el.querySelector('.entry-row-definition'))).toBe('<b>bold</b>');
    expect(text(el.querySelector('.entry-row-languages'))).toBe(
      'fr: t-fr · de: t-de · es: t-es · it: t-it · +3 languages',
    );
  });
});
