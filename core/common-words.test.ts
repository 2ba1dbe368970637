import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldWord, isAbbreviationForm, isNameForm, loadCommonWords, wordsOf } from './common-words';
import { foldText } from './text-fold';
import { LANGS } from './constants';
import { COMMON_CUT, commonList, commonWordsFileText, makeCommonWordsData } from '@/scripts/common-words';

const fileText = readFileSync('data/common-words.json', 'utf8');
const common = loadCommonWords(JSON.parse(fileText));

describe('the vendored lists', () => {
  it('are what scripts/common-words.ts makes from the package', () => {
    expect(fileText).toBe(commonWordsFileText(makeCommonWordsData()));
  });

  it.each(LANGS)('hold the %s list’s 5 000 most frequent words', (lang) => {
    const data = JSON.parse(fileText) as { cut: number; words: Record<string, string> };
    expect(data.cut).toBe(COMMON_CUT);
    expect(data.words[lang]!.split('\n')).toHaveLength(5000);
  });

  it('drop non-words and all-capital abbreviations, and keep one spelling of each word', () => {
    expect(commonList('le\n#\nLe\nTVA\nDeepThought\nl’été\n\nété\nÉté\nBenelux\nmarché', 10)).toEqual([
      'le',
      'l’été',
      'été',
      'marché',
    ]);
  });

  it('stop at the cut', () => {
    expect(commonList('a\nb\nc\nd', 2)).toEqual(['a', 'b']);
  });
});

describe('isGenericForm', () => {
  it.each([
    ['market', 'en'],
    ['Commission', 'en'],
    ['policy', 'en'],
    ['air quality', 'en'],
    ['air-quality', 'en'],
    ['energy', 'en'],
    ['energie', 'nl'],
    ['Énergie', 'fr'],
    ['l’énergie', 'fr'],
    ["qualité de l'air", 'fr'],
    ['Zeit', 'de'],
    ['neue Zeit', 'de'],
    ['1 000', 'en'],
    ['2023', 'nl'],
    ['B', 'en'],
    ['mar\u00adket', 'en'],
    ['e\u0301nergie', 'fr'],
  ])('holds back %s (%s): every word is common', (text, lang) => {
    expect(common.isGenericForm(text, lang)).toBe(true);
  });

  it.each([
    ['Schengen', 'en'],
    ['Benelux', 'fr'],
    ['Emissionshandelssystem', 'de'],
    ['Staatsanwaltschaft', 'de'],
    ['energietransitie', 'nl'],
    ['subsidiarity', 'en'],
    ['hydrogen', 'en'],
    ['asylum', 'en'],
  ])('keeps %s (%s): a word that is not among the 5 000', (text, lang) => {
    expect(common.isGenericForm(text, lang)).toBe(false);
  });

  it.each([
    ['CBAM', 'en'],
    ['EU', 'nl'],
    ['ETS', 'en'],
    ['eu-LISA', 'en'],
    ['eIDAS', 'en'],
    ['EU-niveau', 'nl'],
    ['5G', 'en'],
    ['PIB', 'fr'],
  ])('keeps %s (%s): written as an abbreviation', (text, lang) => {
    expect(common.isGenericForm(text, lang)).toBe(false);
  });

  it('keeps a title-case name made of common words, but not in German, nor a single capitalised word', () => {
    expect(common.isGenericForm('emissions trading system', 'en')).toBe(true);
    expect(common.isGenericForm('Emissions Trading System', 'en')).toBe(false);
    expect(common.isGenericForm('Raad van State', 'nl')).toBe(false);
    expect(common.isGenericForm('Commission', 'en')).toBe(true);
    expect(isNameForm('Neue Zeit', 'de')).toBe(false);
    expect(isNameForm('Fit for 55', 'en')).toBe(false);
    // One word each, as the lists count them: never a name by its capitals.
    expect(isNameForm('Pays-Bas', 'fr')).toBe(false);
    expect(isNameForm("C'est", 'fr', { sentenceCaseNames: true })).toBe(false);
    expect(common.isGenericForm('Pays-Bas', 'fr')).toBe(true);
    expect(isNameForm('North Rhine-Westphalia', 'en')).toBe(true);
    // A hyphenated name is not judged by its parts, unless the list has it whole.
    expect(common.isGenericForm('Hauts-de-France', 'fr')).toBe(false);
    expect(common.isGenericForm('Hauts-de-France', 'mul')).toBe(false);
    expect(common.isGenericForm("L'Europe", 'fr')).toBe(true);
  });

  it('reads a capital first letter as a name only when asked to (glossaries that write phrases in lower case)', () => {
    expect(common.isGenericForm('Commission européenne', 'fr')).toBe(true);
    expect(common.isGenericForm('Commission européenne', 'fr', { sentenceCaseNames: true })).toBe(false);
    expect(common.isGenericForm('commission européenne', 'fr', { sentenceCaseNames: true })).toBe(true);
    expect(common.isGenericForm('Commission', 'fr', { sentenceCaseNames: true })).toBe(true);
    expect(isNameForm('Neue Zeit', 'de', { sentenceCaseNames: true })).toBe(false);
  });

  it('judges mul and languages without a list by any of the four lists', () => {
    expect(common.isGenericForm('market', 'mul')).toBe(true);
    expect(common.isGenericForm('markt', 'mul')).toBe(true);
    expect(common.isGenericForm('market', 'it')).toBe(true);
    expect(common.isGenericForm('mercato interno', 'it')).toBe(false);
    // A phrase is one language's: words common in different languages do not make it generic.
    expect(common.isGenericForm('markt policy', 'mul')).toBe(false);
  });

  it('judges a form by its own language only', () => {
    expect(common.isGenericForm('markt', 'en')).toBe(false);
    expect(common.isGenericForm('markt', 'nl')).toBe(true);
  });

  it('has nothing to judge in a form without words', () => {
    expect(common.isGenericForm('§', 'en')).toBe(false);
  });
});

describe('form shapes', () => {
  it('folds words as the matcher folds text', () => {
    for (const word of ['Énergie', 'STRAẞE', 'İstanbul', 'l’été', 'e\u0301nergie', 'Łódź', 'ΣΟΦΟΣ']) {
      expect(foldWord(word)).toBe(foldText(word.normalize('NFC')));
    }
  });

  it('splits words at hyphens, apostrophes and spaces, dropping soft hyphens', () => {
    expect(wordsOf("d'ajustement carbone aux-frontières")).toEqual(['d', 'ajustement', 'carbone', 'aux', 'frontières']);
    expect(wordsOf('Emis\u00adsions')).toEqual(['Emissions']);
  });

  it('reads the Dutch capital IJ as one letter', () => {
    expect(isAbbreviationForm('IJsselmeer')).toBe(false);
    expect(isAbbreviationForm('IJS')).toBe(true);
  });

  it('sees an abbreviation in a longer form', () => {
    expect(isAbbreviationForm('EU Emissions Trading System')).toBe(true);
    expect(isAbbreviationForm('Emissions Trading System')).toBe(false);
  });
});
