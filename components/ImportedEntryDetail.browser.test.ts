import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { ImportedEntry } from '@/core/imported-schema';
import { ImportedEntryDetail, type ImportedEntryDetailLabels } from './ImportedEntryDetail';

const labels: ImportedEntryDetailLabels = {
  back: 'Back',
  languageName: (lang) => ({ nl: 'Dutch', en: 'English', de: 'German' })[lang] ?? lang,
  otherLanguages: 'In other languages',
  otherDefinitions: 'Definitions in other languages',
  discouraged: 'not recommended',
  subjectField: 'Subject field',
  entryNote: 'Note in the glossary',
  source: 'Source',
  origin: 'Glossary and entry number',
};

const attack = '<img src=x onerror="window.__glossaryPwned=1">';
const entry: ImportedEntry = {
  id: '3512487',
  terms: [
    { lang: 'en', text: 'energy poverty' },
    { lang: 'en', text: 'fuel poverty', status: 'deprecated' },
    { lang: 'nl', text: 'energiearmoede' },
    { lang: 'de', text: 'Energiearmut' },
  ],
  definitions: [
    { lang: 'en', text: `Lack of access to energy services. ${attack}` },
    { lang: 'de', text: 'Fehlender Zugang zu Energiedienstleistungen.' },
  ],
  subjectFields: ['energy policy'],
  source: attack,
  note: attack,
};

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

function detail(lang: string): { article: HTMLElement; backs: () => number } {
  const root = document.createElement('div');
  document.body.append(root);
  let backs = 0;
  render(
    h(
      ImportedEntryDetail,
      {
        termKey: 'iate-energy:3512487',
        glossary: { id: 'iate-energy', title: 'IATE energy' },
        entry,
        lang,
        labels,
        onBack: () => backs++,
      },
      h('p', { class: 'slot' }, 'note editor'),
    ),
    root,
  );
  return { article: root.querySelector<HTMLElement>('article.detail')!, backs: () => backs };
}

describe('the popup’s detail of an imported entry', () => {
  it('shows every language’s names, the definition, the reader’s note editor under it, and its facts', () => {
    const { article, backs } = detail('en');
    expect(article.dataset.termId).toBe('iate-energy:3512487');
    expect(text(article.querySelector('h1#detail-name'))).toBe('energy poverty');
    expect(text(article.querySelector('.expansion'))).toBe('fuel poverty (not recommended)');
    expect(text(article.querySelector('p.short'))).toBe(`Lack of access to energy services. ${attack}`);
    expect(article.querySelector('p.short + .slot')).not.toBeNull();
    expect([...article.querySelectorAll('ul.term-languages li')].map(text)).toEqual([
      'nl: energiearmoede',
      'de: Energiearmut',
    ]);
    expect([...article.querySelectorAll('.other-definitions p')].map(text)).toEqual([
      'de Fehlender Zugang zu Energiedienstleistungen.',
    ]);
    expect(text(article.querySelector('p.subject'))).toBe('energy policy');
    expect(text(article.querySelector('p.origin'))).toBe('IATE energy · 3512487');
    article.querySelector<HTMLButtonElement>('button.back')!.click();
    expect(backs()).toBe(1);
  });

  it('shows what the file says as text, never as markup', () => {
    const { article } = detail('nl');
    expect(article.querySelectorAll('img')).toHaveLength(0);
    expect(text(article.querySelector('p.source'))).toBe(attack);
    expect(text(article.querySelector('p.long'))).toBe(attack);
    expect((window as { __glossaryPwned?: number }).__glossaryPwned).toBeUndefined();
  });

  it('names it in the reader’s language and labels a definition in another', () => {
    const { article } = detail('nl');
    expect(text(article.querySelector('h1#detail-name'))).toBe('energiearmoede');
    expect(text(article.querySelector('p.short'))).toBe(`en Lack of access to energy services. ${attack}`);
    expect(article.querySelector('p.short abbr.lang-code')?.getAttribute('title')).toBe('English');
  });
});
