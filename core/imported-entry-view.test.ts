import { describe, expect, it } from 'vitest';
import type { ImportedEntry } from './imported-schema';
import { importedEntryName, importedEntryView } from './imported-entry-view';

const etias: ImportedEntry = {
  id: '3512487',
  terms: [
    { lang: 'en', text: 'ETIAS', type: 'abbreviation' },
    { lang: 'en', text: 'European Travel Information and Authorisation System', type: 'fullForm' },
    { lang: 'nl', text: 'Europees systeem voor reisinformatie en -autorisatie', status: 'preferred' },
    { lang: 'nl', text: 'ETIAS', type: 'abbreviation' },
    { lang: 'nl', text: 'reisautorisatiesysteem', status: 'deprecated' },
    { lang: 'fr', text: 'système européen d’information et d’autorisation concernant les voyages' },
    { lang: 'ga', text: 'Córas Eorpach um Fhaisnéis agus Údarú Taistil' },
    { lang: 'de', text: 'Europäisches Reiseinformations- und -genehmigungssystem' },
    { lang: 'bg', text: 'Европейска система за информация за пътуванията и разрешаването им' },
  ],
  definitions: [
    { lang: 'de', text: 'System zur Prüfung von Reisenden.' },
    { lang: 'en', text: 'System for checking visa-exempt travellers.' },
  ],
  subjectFields: ['migration'],
};

describe('an imported entry shown to a reader', () => {
  it('is named in the reader’s language: the preferred full form, its abbreviation beside it', () => {
    const view = importedEntryView(etias, 'nl');
    expect(view.name.lang).toBe('nl');
    expect(view.name.main.text).toBe('Europees systeem voor reisinformatie en -autorisatie');
    expect(view.name.short.map((t) => t.text)).toEqual(['ETIAS']);
    expect(view.name.others.map((t) => t.text)).toEqual(['reisautorisatiesysteem']);
  });

  it('puts a full form before an abbreviation that comes first in the file', () => {
    const view = importedEntryView(etias, 'en');
    expect(view.name.main.text).toBe('European Travel Information and Authorisation System');
    expect(view.name.short.map((t) => t.text)).toEqual(['ETIAS']);
  });

  it('falls back to English, then to the first language the entry has', () => {
    expect(importedEntryView({ ...etias, terms: etias.terms.filter((t) => t.lang !== 'fr') }, 'fr').name.lang).toBe(
      'en',
    );
    const noEnglish = { ...etias, terms: etias.terms.filter((t) => t.lang === 'ga' || t.lang === 'de') };
    expect(importedEntryView(noEnglish, 'fr').name.lang).toBe('ga');
    expect(importedEntryName(noEnglish, 'de').text).toBe('Europäisches Reiseinformations- und -genehmigungssystem');
  });

  it('names an entry in a list as its view does, in every language and fallback', () => {
    const variants = [
      etias,
      { ...etias, terms: etias.terms.filter((t) => t.lang !== 'en') },
      { ...etias, terms: etias.terms.filter((t) => t.lang === 'ga' || t.lang === 'de') },
      { ...etias, terms: [{ lang: 'en', text: 'EU', type: 'abbreviation' as const }] },
    ];
    for (const entry of variants) {
      for (const lang of ['nl', 'en', 'fr', 'de', 'ga', 'xx']) {
        expect(importedEntryName(entry, lang)).toBe(importedEntryView(entry, lang).name.main);
      }
    }
  });

  it('lists the other languages: nl, en, fr, de first, then by code', () => {
    expect(importedEntryView(etias, 'fr').languages.map((l) => l.lang)).toEqual(['nl', 'en', 'de', 'bg', 'ga']);
  });

  it('shows the definition in the reader’s language, else English, else the first', () => {
    expect(importedEntryView(etias, 'de').definition).toEqual({
      lang: 'de',
      text: 'System zur Prüfung von Reisenden.',
    });
    expect(importedEntryView(etias, 'nl').definition?.lang).toBe('en');
    const german = { ...etias, definitions: etias.definitions.slice(0, 1) };
    expect(importedEntryView(german, 'fr').definition?.lang).toBe('de');
    expect(importedEntryView({ ...etias, definitions: [] }, 'nl').definition).toBeNull();
  });

  it('names an entry that has only abbreviations by one', () => {
    const view = importedEntryView({ ...etias, terms: [{ lang: 'en', text: 'EU', type: 'abbreviation' }] }, 'nl');
    expect(view.name.main.text).toBe('EU');
    expect(view.name.short).toEqual([]);
    expect(view.languages).toEqual([]);
  });
});
