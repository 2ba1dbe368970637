import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { ImportedEntry } from '@/core/imported-schema';
import { ImportedEntryCard, type ImportedEntryCardLabels } from './ImportedEntryCard';
import { TermMissing } from './TermMissing';

const NAMES: Record<string, string> = { nl: 'Dutch', en: 'English', fr: 'French', de: 'German', ga: 'Irish' };

const labels: ImportedEntryCardLabels = {
  lang: 'en',
  languageName: (lang) => NAMES[lang] ?? lang,
  otherLanguages: 'In other languages',
  moreLanguages: (n) => `+${n} languages`,
  subjectField: 'Subject field',
  source: 'Source',
  origin: 'Glossary and entry number',
  known: 'I know this term',
  close: 'Close',
  dialog: (name) => `Explanation of ${name}`,
  alsoMeans: 'Can also mean:',
  yourNote: 'Your note',
  addNote: 'Add note',
  editNote: 'Edit note',
};

const entry: ImportedEntry = {
  id: '3512487',
  terms: [
    { lang: 'en', text: 'energy poverty', status: 'preferred' },
    { lang: 'nl', text: 'energiearmoede' },
    { lang: 'fr', text: 'précarité énergétique' },
    { lang: 'de', text: 'Energiearmut' },
    { lang: 'ga', text: 'bochtaineacht fuinnimh' },
    { lang: 'nl', text: 'EA', type: 'abbreviation' },
  ],
  definitions: [
    { lang: 'de', text: 'Fehlender Zugang zu Energiedienstleistungen.' },
    { lang: 'en', text: 'Lack of access to essential energy services.' },
  ],
  subjectFields: ['energy policy', 'social affairs'],
  source: 'COM(2020) 662',
};

const glossary = { id: 'iate-energy', title: 'IATE energy' };

interface Calls {
  known: number;
  close: number;
  picked: string[];
  notes: number;
}

function show(props: Partial<Parameters<typeof ImportedEntryCard>[0]> & { entry?: ImportedEntry } = {}): {
  card: HTMLElement;
  calls: Calls;
} {
  const calls: Calls = { known: 0, close: 0, picked: [], notes: 0 };
  const root = document.createElement('div');
  document.body.append(root);
  render(
    h(ImportedEntryCard, {
      termKey: 'iate-energy:3512487',
      glossary,
      entry,
      lang: 'nl',
      pinned: false,
      candidates: [],
      labels,
      onKnown: () => calls.known++,
      onClose: () => calls.close++,
      onPick: (id: string) => calls.picked.push(id),
      note: null,
      onEditNote: () => calls.notes++,
      ...props,
    }),
    root,
  );
  return { card: root.querySelector<HTMLElement>('.term-card')!, calls };
}

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
const buttons = (card: HTMLElement) => [...card.querySelectorAll('button')].map((b) => text(b));

describe('the tooltip card of an imported entry', () => {
  it('names it in the reader’s language, its abbreviation marked, and lists the other languages', () => {
    const { card } = show({ lang: 'nl' });
    expect(card.getAttribute('role')).toBe('tooltip');
    expect(card.dataset.termId).toBe('iate-energy:3512487');
    expect(text(card.querySelector('h2.term-name'))).toBe('energiearmoede (EA)');
    expect(card.querySelector('h2.term-name')?.getAttribute('lang')).toBe('nl');
    expect(card.querySelector('h2 abbr.term-abbr')?.getAttribute('title')).toBe('energiearmoede');
    expect(card.querySelector('.term-name-lang')).toBeNull();
    const languages = card.querySelector('ul.term-languages')!;
    expect(languages.getAttribute('aria-label')).toBe('In other languages');
    expect([...languages.querySelectorAll('li')].map(text)).toEqual([
      'en: energy poverty',
      'fr: précarité énergétique',
      'de: Energiearmut',
      'ga: bochtaineacht fuinnimh',
    ]);
    expect(languages.querySelector('abbr.lang-code')?.getAttribute('title')).toBe('English');
  });

  it('shows the definition, subject fields, source, and which glossary and entry it is', () => {
    const { card } = show({ lang: 'de' });
    const definition = card.querySelector('p.term-definition')!;
    expect(text(definition)).toBe('Fehlender Zugang zu Energiedienstleistungen.');
    expect(definition.querySelector('.lang-code')).toBeNull();
    expect(text(card.querySelector('.term-subject dt'))).toBe('Subject field');
    expect(text(card.querySelector('.term-subject dd'))).toBe('energy policy · social affairs');
    expect(text(card.querySelector('.term-source dd'))).toBe('COM(2020) 662');
    expect(text(card.querySelector('p.term-origin'))).toBe('IATE energy · 3512487');
    expect(text(card.querySelector('.term-entry-id'))).toBe('3512487');
  });

  it('falls back to English for the name and labels the definition’s language when the reader’s is missing', () => {
    const { card } = show({ lang: 'fr', entry: { ...entry, terms: entry.terms.filter((t) => t.lang !== 'fr') } });
    expect(text(card.querySelector('h2.term-name'))).toBe('energy poverty');
    expect(card.querySelector('.term-name-lang abbr.lang-code')?.getAttribute('title')).toBe('English');
    const definition = card.querySelector('p.term-definition')!;
    expect(text(definition)).toBe('en Lack of access to essential energy services.');
    expect(definition.querySelector('span[lang]')?.getAttribute('lang')).toBe('en');
  });

  it('takes any language when neither the reader’s nor English is there', () => {
    const irish: ImportedEntry = {
      ...entry,
      terms: [{ lang: 'ga', text: 'bochtaineacht fuinnimh' }],
      definitions: [{ lang: 'ga', text: 'Easpa rochtana ar sheirbhísí fuinnimh.' }],
    };
    const { card } = show({ lang: 'nl', entry: irish });
    expect(text(card.querySelector('h2.term-name'))).toBe('bochtaineacht fuinnimh');
    expect(text(card.querySelector('p.term-definition'))).toBe('ga Easpa rochtana ar sheirbhísí fuinnimh.');
    expect(card.querySelector('ul.term-languages')).toBeNull();
  });

  it('shows what the file says as text, never as markup', () => {
    const attack = '<img src=x onerror="window.__glossaryPwned=1"><b>bold</b>';
    const hostile: ImportedEntry = {
      ...entry,
      id: 'x-1',
      terms: [
        { lang: 'nl', text: `<script>window.__glossaryPwned=2</script>term` },
        { lang: 'en', text: attack },
      ],
      definitions: [{ lang: 'nl', text: attack }],
      subjectFields: [attack],
      source: attack,
    };
    const { card } = show({ entry: hostile, glossary: { id: 'evil', title: '<i>title</i>' } });
    expect(card.querySelectorAll('img, script, b, i')).toHaveLength(0);
    expect(text(card.querySelector('p.term-definition'))).toBe(attack);
    expect(text(card.querySelector('h2.term-name'))).toBe('<script>window.__glossaryPwned=2</script>term');
    expect(text(card.querySelector('.term-subject dd'))).toBe(attack);
    expect(text(card.querySelector('.term-source dd'))).toBe(attack);
    expect(text(card.querySelector('.term-glossary'))).toBe('<i>title</i>');
    expect((window as { __glossaryPwned?: number }).__glossaryPwned).toBeUndefined();
  });

  it('keeps a hovering card short: four other languages, then how many more; pinned, all of them', () => {
    const many: ImportedEntry = {
      ...entry,
      terms: ['nl', 'en', 'fr', 'de', 'bg', 'cs', 'da', 'el'].map((lang) => ({ lang, text: `term-${lang}` })),
    };
    const hovering = show({ entry: many, lang: 'nl' }).card;
    expect([...hovering.querySelectorAll('ul.term-languages li')].map(text)).toEqual([
      'en: term-en',
      'fr: term-fr',
      'de: term-de',
      'bg: term-bg',
      '+3 languages',
    ]);
    const pinned = show({ entry: many, lang: 'nl', pinned: true }).card;
    expect(pinned.querySelectorAll('ul.term-languages li.term-language')).toHaveLength(7);
    expect(pinned.querySelector('.term-more')).toBeNull();
  });

  it('is a dialog named after the term when pinned, with the reader’s actions', () => {
    const { card, calls } = show({ pinned: true, lang: 'en', note: 'Mijn notitie' });
    expect(card.getAttribute('role')).toBe('dialog');
    expect(card.getAttribute('aria-label')).toBe('Explanation of energy poverty');
    expect(text(card.querySelector('.term-note p'))).toBe('Mijn notitie');
    expect(buttons(card)).toEqual(['Edit note', 'I know this term', 'Close']);
    card.querySelector<HTMLButtonElement>('.term-known')!.click();
    card.querySelector<HTMLButtonElement>('.term-note-edit')!.click();
    card.querySelector<HTMLButtonElement>('.term-close')!.click();
    expect(calls).toMatchObject({ known: 1, notes: 1, close: 1 });
  });

  it('lists the other terms that claim the same words, and picks one', () => {
    const { card, calls } = show({
      candidates: [
        { id: 'etias', name: 'ETIAS', lang: 'nl' },
        { id: 'eurovoc:123', name: 'energy poverty', lang: 'en', glossary: 'EuroVoc' },
      ],
    });
    const nav = card.querySelector('nav.term-candidates')!;
    expect(nav.getAttribute('aria-label')).toBe('Can also mean:');
    const picks = [...nav.querySelectorAll('button')];
    expect(picks.map((b) => [b.dataset.termId, b.querySelector('[lang]')?.getAttribute('lang'), text(b)])).toEqual([
      ['etias', 'nl', 'ETIAS'],
      ['eurovoc:123', 'en', 'energy poverty · EuroVoc'],
    ]);
    picks[1]!.click();
    expect(calls.picked).toEqual(['eurovoc:123']);
  });
});

describe('the card of a term that is gone', () => {
  it('says so in a short message; pinned, it is a dialog named by it that can be closed', () => {
    const root = document.createElement('div');
    document.body.append(root);
    let closed = 0;
    const message = 'This term is no longer available: its glossary was deleted or switched off.';
    const props = { pinned: false, message, close: 'Close', onClose: () => closed++ };
    render(h(TermMissing, props), root);
    const card = root.querySelector<HTMLElement>('.term-card.term-missing')!;
    expect(card.getAttribute('role')).toBe('tooltip');
    expect(text(card)).toBe(message);
    expect(card.querySelector('button')).toBeNull();

    render(h(TermMissing, { ...props, pinned: true }), root);
    const pinned = root.querySelector<HTMLElement>('.term-card.term-missing')!;
    expect(pinned.getAttribute('role')).toBe('dialog');
    expect(document.getElementById(pinned.getAttribute('aria-labelledby')!)?.textContent).toBe(message);
    pinned.querySelector<HTMLButtonElement>('.term-close')!.click();
    expect(closed).toBe(1);
  });
});
