import { describe, expect, it } from 'vitest';
import { parseHash } from './route';

describe('parseHash', () => {
  it('keeps the letter glossary, the letter and the glossaries list as they were', () => {
    expect(parseHash('')).toEqual({ view: 'glossary', term: null });
    expect(parseHash('#term=etias')).toEqual({ view: 'glossary', term: 'etias' });
    expect(parseHash('#letter=p-3')).toEqual({ view: 'letter', block: 'p-3' });
    expect(parseHash('#glossaries')).toEqual({ view: 'glossaries' });
  });

  it("opens an imported glossary's entries, and one entry by its term key", () => {
    expect(parseHash('#glossary=iate-migration')).toEqual({
      view: 'entries',
      glossaryId: 'iate-migration',
      entryId: null,
    });
    expect(parseHash('#term=iate-migration:3549876')).toEqual({
      view: 'entries',
      glossaryId: 'iate-migration',
      entryId: '3549876',
    });
    expect(parseHash('#term=iate-migration%3A3549876')).toEqual({
      view: 'entries',
      glossaryId: 'iate-migration',
      entryId: '3549876',
    });
  });

  it("sends the letter's own id to the Glossary tab", () => {
    expect(parseHash('#glossary=letter')).toEqual({ view: 'glossary', term: null });
  });

  it('opens the form to add a term, filled in from the context menu', () => {
    expect(parseHash('#glossaries=&add=North+Sea+Wind+Alliance')).toEqual({
      view: 'glossaries',
      add: { name: 'North Sea Wind Alliance', abbreviation: '' },
    });
    expect(parseHash('#glossaries=&abbreviation=CBAM')).toEqual({
      view: 'glossaries',
      add: { name: '', abbreviation: 'CBAM' },
    });
    expect(parseHash('#glossaries')).toEqual({ view: 'glossaries' });
  });
});
