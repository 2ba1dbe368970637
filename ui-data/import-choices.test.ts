import { describe, expect, it } from 'vitest';
import type { ImportedEntry } from '@/core/imported-schema';
import {
  csvColumnsProblem,
  defaultLanguages,
  definitionIn,
  estimateRemainingMs,
  formatBytes,
  formatDuration,
  guessCsvColumns,
  languageName,
  languagesToKeep,
  progressPercent,
} from './import-choices';

const IATE = ['bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu', 'it', 'nl', 'pl'];

describe('the languages to keep', () => {
  it('are at first the reader’s and nl/en/fr/de, where the file has them', () => {
    expect(defaultLanguages(IATE, 'it')).toEqual(['de', 'en', 'fr', 'it', 'nl']);
    expect(defaultLanguages(['en', 'ga'], 'nl')).toEqual(['en']);
  });

  it('are all of the file’s when it has none of those', () => {
    expect(defaultLanguages(['pl', 'cs'], 'nl')).toEqual(['pl', 'cs']);
  });

  it('are not narrowed when the reader keeps every language the preview saw', () => {
    expect(languagesToKeep(['en', 'nl'], ['nl', 'en'])).toBeUndefined();
    expect(languagesToKeep(['en', 'nl'], ['nl', 'en', 'fr'])).toEqual(['nl', 'en']);
  });
});

describe('a guess at an unrecognised CSV header', () => {
  it('reads kinds and languages in our four languages', () => {
    expect(guessCsvColumns(['Nr.', 'Begrip (NL)', 'Definitie NL', 'English', 'Domein', 'Bron'], 'fr')).toEqual({
      0: { kind: 'id' },
      1: { kind: 'term', lang: 'nl' },
      2: { kind: 'definition', lang: 'nl' },
      3: { kind: 'term', lang: 'en' },
      4: { kind: 'subject' },
      5: { kind: 'source' },
    });
    expect(guessCsvColumns(['Terme', 'Définition', 'Abréviation', 'Remarque'], 'nl')).toEqual({
      0: { kind: 'term', lang: 'nl' },
      1: { kind: 'definition', lang: 'nl' },
      2: { kind: 'abbreviation', lang: 'nl' },
      3: { kind: 'note' },
    });
  });

  it('gives columns without a language the file’s one language', () => {
    expect(guessCsvColumns(['Begriff (de)', 'Erklärung'], 'en')).toEqual({
      0: { kind: 'term', lang: 'de' },
      1: { kind: 'definition', lang: 'de' },
    });
  });

  it('takes the first column as the term when nothing reads as one, and ignores what it cannot read', () => {
    expect(guessCsvColumns(['Spalte A', 'Spalte B'], 'de')).toEqual({ 0: { kind: 'term', lang: 'de' } });
  });

  it('is checked before it is used', () => {
    expect(csvColumnsProblem({ 0: { kind: 'definition', lang: 'en' } })).toBe('no-term');
    expect(csvColumnsProblem({ 0: { kind: 'term', lang: '' } })).toBe('no-language');
    expect(csvColumnsProblem({ 0: { kind: 'term', lang: 'en' }, 1: { kind: 'id' }, 2: { kind: 'id' } })).toBe(
      'two-ids',
    );
    expect(csvColumnsProblem({ 0: { kind: 'term', lang: 'en' }, 1: { kind: 'note' } })).toBeNull();
  });
});

describe('progress', () => {
  it('is whole percents, 100 only at the end', () => {
    expect(progressPercent(0, 1000)).toBe(0);
    expect(progressPercent(999, 1000)).toBe(99);
    expect(progressPercent(1000, 1000)).toBe(100);
    expect(progressPercent(5, 0)).toBe(0);
  });

  it('estimates the time left from the pace so far, once there is one', () => {
    expect(estimateRemainingMs(5, 1000, 10_000)).toBeNull(); // under 1 %
    expect(estimateRemainingMs(500, 1000, 500)).toBeNull(); // under a second
    expect(estimateRemainingMs(250, 1000, 10_000)).toBe(30_000);
    expect(estimateRemainingMs(1000, 1000, 10_000)).toBe(0);
  });

  it('says the time left as a reader would, rounded up', () => {
    expect(formatDuration(2_000, 'en')).toBe('5 seconds');
    expect(formatDuration(41_000, 'en')).toBe('45 seconds');
    expect(formatDuration(61_000, 'en')).toBe('2 minutes');
    expect(formatDuration(80 * 60_000, 'en')).toBe('1 hour, 20 minutes');
    expect(formatDuration(3 * 60_000, 'nl')).toBe('3 minuten');
  });
});

describe('numbers in the list', () => {
  it('gives sizes in decimal units, in the reader’s locale', () => {
    expect(formatBytes(512, 'en')).toBe('512 byte');
    expect(formatBytes(850_000, 'en')).toBe('850 kB');
    expect(formatBytes(12_345_678, 'en')).toBe('12 MB');
    expect(formatBytes(1_234_567, 'nl')).toBe('1,2 MB');
  });

  it('names languages in the reader’s language', () => {
    expect(languageName('nl', 'en')).toBe('Dutch (nl)');
    expect(languageName('nl', 'fr')).toBe('néerlandais (nl)');
    expect(languageName('qqq', 'en')).toBe('qqq');
  });
});

describe('the preview’s definition', () => {
  const entry: ImportedEntry = {
    id: '1',
    terms: [{ lang: 'en', text: 'grid' }],
    definitions: [
      { lang: 'fr', text: 'réseau' },
      { lang: 'en', text: 'network' },
    ],
    subjectFields: [],
  };
  it('is in the first chosen language that has one, else the first there is', () => {
    expect(definitionIn(entry, ['nl', 'en'])?.text).toBe('network');
    expect(definitionIn(entry, ['nl'])).toEqual({ lang: 'fr', text: 'réseau' });
    expect(definitionIn({ ...entry, definitions: [] }, ['en'])).toBeNull();
  });
});
