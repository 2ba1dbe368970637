import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { sampleEntry } from '@/test/sample-glossary';
import { ResultList, type ResultItem } from './ResultList';

function list(items: ResultItem[]): { ul: HTMLElement; opened: string[] } {
  const root = document.createElement('div');
  document.body.append(root);
  const opened: string[] = [];
  render(
    h(ResultList, {
      id: 'results',
      label: 'Results',
      items,
      active: 1,
      lang: 'en',
      partLabel: () => '§1d Security',
      noteLabel: 'Your note',
      onOpen: (id: string) => opened.push(id),
      onHover: () => undefined,
    }),
    root,
  );
  return { ul: root.querySelector<HTMLElement>('ul[role="listbox"]')!, opened };
}

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

describe('the popup’s result list', () => {
  it('shows an imported result beside the letter’s: its name, what matched, its glossary', () => {
    const { ul, opened } = list([
      { kind: 'letter', entry: sampleEntry('etias') },
      {
        kind: 'imported',
        id: 'iate-energy:3512487',
        name: 'energy poverty',
        nameLang: 'en',
        glossaryId: 'iate-energy',
        glossaryTitle: 'IATE energy',
        matched: { field: 'term', lang: 'nl', text: 'energiearmoede', spans: [[0, 7]] },
        note: 'Mijn <b>notitie</b>',
      },
    ]);
    const rows = [...ul.querySelectorAll<HTMLElement>('li.result[role="option"]')];
    expect(rows.map((r) => r.dataset.termId)).toEqual(['etias', 'iate-energy:3512487']);
    const imported = rows[1]!;
    expect(imported.classList.contains('imported')).toBe(true);
    expect(imported.getAttribute('aria-selected')).toBe('true');
    expect(imported.dataset.glossary).toBe('iate-energy');
    expect(text(imported.querySelector('.result-name'))).toBe('energy poverty');
    expect(imported.querySelector('.result-matched')?.getAttribute('lang')).toBe('nl');
    expect(text(imported.querySelector('.result-matched mark'))).toBe('energie');
    expect(text(imported.querySelector('.result-note'))).toBe('Your note: Mijn <b>notitie</b>');
    expect(text(imported.querySelector('.result-glossary'))).toBe('IATE energy');
    expect(text(rows[0]!.querySelector('.result-part'))).toBe('§1d Security');
    imported.click();
    expect(opened).toEqual(['iate-energy:3512487']);
  });

  it('marks the name itself when a term in the reader’s language matched', () => {
    const { ul } = list([
      {
        kind: 'imported',
        id: 'g:1',
        name: 'energy label',
        nameLang: 'en',
        glossaryId: 'g',
        glossaryTitle: 'G',
        matched: { field: 'term', lang: 'en', text: 'energy label', spans: [[0, 6]] },
      },
    ]);
    expect(text(ul.querySelector('.result-name mark'))).toBe('energy');
    expect(ul.querySelector('.result-matched')).toBeNull();
  });
});
