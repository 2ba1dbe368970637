import { describe, expect, it } from 'vitest';
import { entryIdSchema, glossaryIdSchema } from '@/core/imported-schema';
import { baseName, encodeEntryId, entryIdFromTerm, nameGlossary, slugify, stableHash } from './naming';

describe('slugify', () => {
  it('folds diacritics and ligatures into kebab-case ASCII', () => {
    expect(slugify('Woordenlijst Benelux – Économie & Straße')).toBe('woordenlijst-benelux-economie-strasse');
    expect(slugify('  Œuvre  łódź  ')).toBe('oeuvre-lodz');
  });

  it('keeps at most 64 characters, cut at a word boundary', () => {
    const slug = slugify('interinstitutional terminology database of the european union and its agencies and bodies');
    expect(slug.length).toBeLessThanOrEqual(64);
    expect(slug).toBe('interinstitutional-terminology-database-of-the-european-union');
    expect(glossaryIdSchema.safeParse(slug).success).toBe(true);
  });

  it('gives nothing for a text without Latin letters or digits', () => {
    expect(slugify('Ευρωπαϊκή Ένωση')).toBe('');
  });
});

describe('entry ids', () => {
  it('keeps ids that fit and encodes others deterministically, apart from each other', () => {
    expect(encodeEntryId('1094325')).toBe('1094325');
    expect(encodeEntryId('IATE-84')).toBe('IATE-84');
    const slash = encodeEntryId('a/b');
    const space = encodeEntryId('a b');
    expect(slash).toMatch(/^a_b~[0-9a-z]+$/);
    expect(space).not.toBe(slash);
    expect(encodeEntryId('a/b')).toBe(slash);
    for (const id of [slash, space, encodeEntryId('x'.repeat(300)), encodeEntryId('été')]) {
      expect(entryIdSchema.safeParse(id).success).toBe(true);
    }
  });

  it('makes an id from a first term: its slug and a hash of language and text', () => {
    expect(entryIdFromTerm('nl', 'Benelux Unie')).toMatch(/^benelux-unie-[0-9a-z]{1,8}$/);
    expect(entryIdFromTerm('nl', 'Benelux Unie')).not.toBe(entryIdFromTerm('en', 'Benelux Unie'));
    expect(entryIdFromTerm('el', 'Ένωση')).toMatch(/^t-[0-9a-z]+$/);
  });

  it('hashes the same in every run and build: a changed hash would orphan the notes on re-imported entries', () => {
    expect(stableHash('1094325')).toBe(stableHash('1094325'));
    expect(stableHash('a')).toBe('262p94epp1d');
  });
});

describe('naming a glossary', () => {
  it('takes the first candidate with a usable slug, the title from the first candidate', () => {
    expect(nameGlossary(['IATE – Benelux', 'root', 'file'])).toEqual({ id: 'iate-benelux', title: 'IATE – Benelux' });
    expect(nameGlossary([undefined, '  ', 'Mijn lijst'])).toEqual({ id: 'mijn-lijst', title: 'Mijn lijst' });
    expect(nameGlossary(['Ευρωπαϊκή Ένωση', 'eu-terms'])).toEqual({ id: 'eu-terms', title: 'Ευρωπαϊκή Ένωση' });
    expect(nameGlossary(['Ευρωπαϊκή Ένωση']).id).toMatch(/^glossary-[0-9a-z]+$/);
    expect(nameGlossary([])).toEqual({ id: 'imported-glossary', title: 'Imported glossary' });
  });

  it('reads a file name without folders or extension', () => {
    expect(baseName('C:\\exports\\IATE_export.tbx')).toBe('IATE_export');
    expect(baseName('/home/r/woordenlijst.2024.csv')).toBe('woordenlijst.2024');
    expect(baseName('.hidden')).toBe('.hidden');
  });
});
