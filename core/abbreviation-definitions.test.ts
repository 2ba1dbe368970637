import { describe, expect, it } from 'vitest';
import { abbreviates, findAbbreviationDefinitions } from './abbreviation-definitions';

const found = (text: string) =>
  findAbbreviationDefinitions(text).map(({ abbreviation, expansion }) => `${abbreviation} = ${expansion}`);

describe('abbreviations a page defines', () => {
  it('finds "Long Form (ABBR)" with the sentence it is in', () => {
    const text =
      'Importers must report. The Carbon Border Adjustment Mechanism (CBAM) applies from 2026. It covers steel.';
    expect(findAbbreviationDefinitions(text)).toEqual([
      {
        abbreviation: 'CBAM',
        expansion: 'Carbon Border Adjustment Mechanism',
        sentence: 'The Carbon Border Adjustment Mechanism (CBAM) applies from 2026.',
        index: text.indexOf('Carbon'),
      },
    ]);
  });

  it('finds "ABBR (Long Form)"', () => {
    expect(found('Travellers need ETIAS (European Travel Information and Authorisation System) from 2026.')).toEqual([
      'ETIAS = European Travel Information and Authorisation System',
    ]);
  });

  it('reads the Dutch, French, German and English "hereinafter" habits and their quotes', () => {
    expect(
      found(
        [
          'Het Gemeenschappelijk Buitenlands en Veiligheidsbeleid (hierna: GBVB) is intergouvernementeel.',
          'La politique étrangère et de sécurité commune (ci-après « PESC ») reste intergouvernementale.',
          'Die Gemeinsame Außen- und Sicherheitspolitik (im Folgenden „GASP“) bleibt zwischenstaatlich.',
          'The Energy Community Secretariat (hereinafter "ECS") reports yearly.',
        ].join(' '),
      ),
    ).toEqual([
      'GBVB = Gemeenschappelijk Buitenlands en Veiligheidsbeleid',
      'PESC = politique étrangère et de sécurité commune',
      'GASP = Gemeinsame Außen- und Sicherheitspolitik',
      'ECS = Energy Community Secretariat',
    ]);
  });

  it('takes the shortest long form, not the words before it', () => {
    expect(found('In 2023 the Benelux countries and the North Sea Energy Cooperation (NSEC) met.')).toEqual([
      'NSEC = North Sea Energy Cooperation',
    ]);
  });

  it('ignores a parenthesis that defines nothing', () => {
    expect(
      found(
        [
          'The Council (EU) decided.', // one capital too few to be an abbreviation? "EU": two capitals, but "Council" ≠ EU
          'Minister Hoekstra (CDA) spoke.', // a party after a name: its letters are not in "Hoekstra"
          'See Annex II (OJ L 130).', // not one token
          'Prices rose (BASE 2015).',
          'The NATO summit (Vilnius) ended.', // a place after an abbreviation
          'Read it (PDF).',
        ].join(' '),
      ),
    ).toEqual([]);
  });

  it('lists each abbreviation once, at its first definition, in text order', () => {
    expect(
      found(
        'The European Court of Auditors (ECA) reported. The European Court of Auditors (ECA) again. Border Management Fund (BMF).',
      ),
    ).toEqual(['ECA = European Court of Auditors', 'BMF = Border Management Fund']);
  });
});

describe('whether a short form abbreviates a long one', () => {
  it.each([
    ['CJEU', 'Court of Justice of the European Union'],
    ['GASP', 'Gemeinsame Außen- und Sicherheitspolitik'],
    ['EU ETS'.replace(' ', '-'), 'EU Emissions Trading System'],
    ['BVT', 'Beste Verfügbare Techniken'],
  ])('%s abbreviates %s', (short, long) => expect(abbreviates(short, long)).toBe(true));

  it.each([
    ['CBAM', 'Carbon Adjustment Mechanism and Tax'], // a word that gives no letter
    ['CDA', 'Hoekstra'],
    ['EU', 'EU'],
  ])('%s does not abbreviate %s', (short, long) => expect(abbreviates(short, long)).toBe(false));

  it('answers at once for a word of one repeated letter (not by trying every combination of positions)', () => {
    expect(abbreviates('AAAAAAAAAB', 'a'.repeat(190))).toBe(false);
    expect(abbreviates('BVerfG', 'Bundesverfassungsgericht')).toBe(true);
  });
});
