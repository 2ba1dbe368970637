import { describe, expect, it } from 'vitest';
import { readerLang } from './reader-lang';

describe('readerLang', () => {
  it("takes the page's language over the browser's", () => {
    expect(readerLang('nl', 'en-US')).toBe('nl');
    expect(readerLang('en', 'nl')).toBe('en');
  });

  it('reads only the primary subtag, in any case', () => {
    expect(readerLang('nl-BE', 'en')).toBe('nl');
    expect(readerLang('EN', 'nl')).toBe('en');
    expect(readerLang('En-gb', 'nl')).toBe('en');
    expect(readerLang('NL-be', 'en')).toBe('nl');
  });

  it("falls back to the browser's language when the page has none or one we do not write in", () => {
    expect(readerLang('', 'nl-NL')).toBe('nl');
    expect(readerLang('fr-BE', 'nl')).toBe('nl');
    expect(readerLang('de', 'EN-us')).toBe('en');
  });

  it('falls back to English when neither is Dutch or English', () => {
    expect(readerLang('fr', 'de-DE')).toBe('en');
    expect(readerLang('', '')).toBe('en');
  });

  it('wants the subtag exactly: no prefixes, no underscore separators', () => {
    expect(readerLang('english', 'nl')).toBe('nl');
    expect(readerLang('nld', 'en')).toBe('en');
    expect(readerLang('nl_NL', 'en')).toBe('en');
  });
});
