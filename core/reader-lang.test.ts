import { describe, expect, it } from 'vitest';
import { entryLang, readerLang } from './reader-lang';

describe('readerLang', () => {
  it('takes the first language entries are written in: the element’s, then the page’s, then the browser’s', () => {
    expect(readerLang(['nl', 'en', 'en-US'])).toBe('nl');
    expect(readerLang(['fr', 'nl', 'en'])).toBe('fr');
    expect(readerLang(['de-AT', 'fr'])).toBe('de');
    expect(readerLang(['', 'en', 'nl'])).toBe('en');
    expect(readerLang(['it', 'es', 'de-DE'])).toBe('de');
  });

  it('reads only the primary subtag, in any case', () => {
    expect(readerLang(['nl-BE', 'en'])).toBe('nl');
    expect(readerLang(['EN', 'nl'])).toBe('en');
    expect(readerLang(['Fr-lu', 'nl'])).toBe('fr');
    expect(readerLang(['DE-ch', 'en'])).toBe('de');
  });

  it('falls back to English when no tag is a language entries are written in', () => {
    expect(readerLang(['it', 'es-ES'])).toBe('en');
    expect(readerLang(['', ''])).toBe('en');
    expect(readerLang([])).toBe('en');
  });

  it('wants the subtag exactly: no prefixes, no underscore separators', () => {
    expect(readerLang(['english', 'nl'])).toBe('nl');
    expect(readerLang(['nld', 'en'])).toBe('en');
    expect(readerLang(['nl_NL', 'fr'])).toBe('fr');
    expect(entryLang('deutsch')).toBe(null);
  });

  it('gives the reader’s fixed language whatever the text’s', () => {
    expect(readerLang(['nl', 'en'], 'de')).toBe('de');
    expect(readerLang(['fr'], 'nl')).toBe('nl');
    expect(readerLang(['fr'], 'auto')).toBe('fr');
  });
});
